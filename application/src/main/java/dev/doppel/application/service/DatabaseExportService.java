package dev.doppel.application.service;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.DownloadDatabaseBatchUseCase;
import dev.doppel.application.port.in.ExportDatabaseBatchUseCase;
import dev.doppel.application.port.in.ExportDatabaseCommand;
import dev.doppel.application.port.in.ExportTablesUseCase.TableDownload;
import dev.doppel.application.port.in.FindDatabaseBatchesUseCase;
import dev.doppel.application.port.in.FindDatabaseModelsUseCase;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.ConnectionStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ExternalDatabases;
import dev.doppel.application.port.out.ExternalDatabases.TableToWrite;
import dev.doppel.application.port.out.ExternalDatabases.WriteOptions;
import dev.doppel.application.port.out.ExternalDatabases.WritePlan;
import dev.doppel.application.port.out.ExternalDatabases.WriteResult;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.TableExporter;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.connection.DatabaseConnection;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.TrainedTable;
import dev.doppel.domain.user.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Takes a completed database batch out of Doppel: downloaded as files or a SQL script, or written into a database of its project. */
public class DatabaseExportService implements DownloadDatabaseBatchUseCase, ExportDatabaseBatchUseCase {
  /** How a database batch's tables are stored; see {@link FileKeys#databaseBatchTables}. */
  private static final TableLayout STORED = new TableLayout(FileFormat.CSV, ',');

  private final FindDatabaseBatchesUseCase batches;
  private final FindDatabaseModelsUseCase models;
  private final DatasetStore datasets;
  private final ConnectionStore connections;
  private final ExternalDatabases databases;
  private final FileStore files;
  private final TableReader reader;
  private final TableExporter exporter;

  public DatabaseExportService(
      FindDatabaseBatchesUseCase batches, FindDatabaseModelsUseCase models, DatasetStore datasets, ConnectionStore connections, ExternalDatabases databases,
      FileStore files, TableReader reader, TableExporter exporter) {
    this.batches = batches;
    this.models = models;
    this.datasets = datasets;
    this.connections = connections;
    this.databases = databases;
    this.files = files;
    this.reader = reader;
    this.exporter = exporter;
  }

  @Override
  public TableDownload download(UserId owner, DatabaseBatchId id, DatabaseDownload download) {
    DatabaseBatch batch = completed(batches.get(owner, id), "downloaded");
    String name = "database-batch-" + id.value();
    return switch (download.format()) {
      case CSV -> zip(name, batch, "csv", (key, table, out) -> {
        try (InputStream csv = files.open(key)) {
          csv.transferTo(out);
        }
      });
      case PARQUET -> {
        List<TableToWrite> tables = plan(batch, models.get(owner, batch.modelId())).tables();
        yield zip(name, batch, "parquet", (key, table, out) ->
            exporter.export(key, STORED, tables.get(table).columns(), ExportFormat.PARQUET, ExportOptions.DEFAULT, out));
      }
      case SQL -> {
        WritePlan plan = plan(batch, models.get(owner, batch.modelId()));
        yield new TableDownload(name + ".sql", ExportFormat.SQL.mediaType(), out -> exporter.exportScript(plan, download.dialect(), out));
      }
      default -> throw new IllegalStateException("a database download has no " + download.format() + " form");
    };
  }

  @Override
  public Exported export(ExportDatabaseCommand command) {
    DatabaseBatch batch = batches.get(command.owner(), command.batch());
    DatabaseModel model = models.get(command.owner(), batch.modelId());
    DatabaseConnection connection =
        connections
            .findById(command.connection())
            .filter(c -> c.projectId().equals(model.projectId()))
            .orElseThrow(() -> new NotFoundException("connection", command.connection().value(), "connectionId"));
    WritePlan plan = plan(completed(batch, "exported"), model);
    WriteResult written;
    try {
      written = databases.write(connection.details(), command.schema(), plan, new WriteOptions(command.dryRun(), command.replaceExisting()));
    } catch (IllegalArgumentException e) {
      throw new ConflictException("id", "database batch " + batch.id().value() + " cannot be written as its tables' columns are typed: " + e.getMessage());
    }
    return new Exported(written.ddl(), written.rowsWritten(), command.dryRun());
  }

  private static DatabaseBatch completed(DatabaseBatch batch, String what) {
    if (batch.status() != BatchStatus.COMPLETED) {
      throw new ConflictException("status", "database batch " + batch.id().value() + " is " + batch.status() + "; only a completed batch can be " + what);
    }
    return batch;
  }

  /**
   * The batch's tables parents first, as stored: each typed by its dataset's columns (and its anomaly labels), keyed as the
   * model learned it, its rows read from the file store.
   */
  private WritePlan plan(DatabaseBatch batch, DatabaseModel model) {
    List<TableToWrite> tables = new ArrayList<>();
    FileKeys.databaseBatchTables(batch.folderKey().orElseThrow(), batch.tableRows()).forEach((name, key) -> {
      TrainedTable trained = model.tables().stream()
          .filter(t -> t.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("database batch " + batch.id().value() + " holds table " + name + ", which its model did not learn"));
      Dataset dataset = datasets.findById(trained.dataset()).orElseThrow(() -> new ConflictException(
          "id", "table " + name + " was learned from dataset " + trained.dataset().value() + ", which has been deleted since: its column types are gone"));
      List<ForeignKeyDescription> foreignKeys = model.links().stream()
          .filter(link -> link.childTable().equals(name))
          .map(link -> new ForeignKeyDescription(link.childColumns(), link.parentTable(), link.parentColumns()))
          .toList();
      tables.add(new TableToWrite(name, GenerationChecks.generatedColumns(dataset, batch.anomalies(name)), trained.primaryKey(), foreignKeys, consumer -> reader.read(key, STORED, consumer)));
    });
    return new WritePlan(tables);
  }

  /** One entry per table, {@code <table>.<extension>}, in the batch's order. */
  private TableDownload zip(String name, DatabaseBatch batch, String extension, TableEntry entry) {
    List<Map.Entry<String, String>> tables = List.copyOf(FileKeys.databaseBatchTables(batch.folderKey().orElseThrow(), batch.tableRows()).entrySet());
    return new TableDownload(name + ".zip", "application/zip", out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      for (int i = 0; i < tables.size(); i++) {
        // A table named after its dataset may hold a slash, which an unzip would take for a folder.
        zip.putNextEntry(new ZipEntry(tables.get(i).getKey().replaceAll("[/\\\\]", "_") + "." + extension));
        entry.write(tables.get(i).getValue(), i, zip);
        zip.closeEntry();
      }
      zip.finish();
    });
  }

  @FunctionalInterface
  private interface TableEntry {
    /** Writes the table stored under {@code key}, the batch's {@code table}th, without closing {@code out}. */
    void write(String key, int table, OutputStream out) throws IOException;
  }
}
