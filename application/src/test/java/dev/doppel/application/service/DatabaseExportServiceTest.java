package dev.doppel.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.CreateProjectCommand;
import dev.doppel.application.port.in.DownloadDatabaseBatchUseCase.DatabaseDownload;
import dev.doppel.application.port.in.ExportDatabaseBatchUseCase.Exported;
import dev.doppel.application.port.in.ExportDatabaseCommand;
import dev.doppel.application.port.in.ExportTablesUseCase.TableDownload;
import dev.doppel.application.port.in.FindDatabaseBatchesUseCase;
import dev.doppel.application.port.in.FindDatabaseModelsUseCase;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.in.UploadDatasetCommand;
import dev.doppel.application.port.out.ConnectionStore;
import dev.doppel.application.port.out.ExternalDatabases;
import dev.doppel.application.port.out.TableExporter;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.ConnectionId;
import dev.doppel.domain.connection.DatabaseConnection;
import dev.doppel.domain.connection.DatabaseKind;
import dev.doppel.domain.connection.DatabasePassword;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.connection.NewDatabaseConnection;
import dev.doppel.domain.connection.TableDescription;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.relational.TableLink;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TrainedTable;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** What a database batch's export writes and where, and the downloads' forms. */
class DatabaseExportServiceTest {
  private static final String FOLDER = "projects/1/databases/1/batches/1";

  private final InMemoryPorts ports = new InMemoryPorts();
  private final Clock clock = Clock.systemUTC();
  private final UserId owner = new UserId(1);
  private final Project project;
  private final Dataset people;
  private final Dataset salaries;
  private final DatabaseModel model;
  private final Map<Long, DatabaseConnection> connections = new LinkedHashMap<>();
  private final RecordingDatabases databases = new RecordingDatabases();
  private final List<String> exported = new ArrayList<>();
  private DatabaseBatch batch;
  private ExternalDatabases.WritePlan scripted;
  private final DatabaseExportService service;

  DatabaseExportServiceTest() {
    // Uploads never reach the job queue, which only deletions use.
    CascadingDeletion deletion = new CascadingDeletion(ports.projectStore, ports.datasetStore, null, null, null, null, ports.fileStore, null, clock);
    project = new ProjectService(ports.projectStore, deletion, clock).create(CreateProjectCommand.of(owner, "Baseball", ""));
    DatasetService datasets = new DatasetService(
        ports.projectStore, ports.datasetStore, ports.fileStore, ports.tableReader, clock, new UploadLimits(1_000, 3, 50, ProfilingLimits.DEFAULT),
        new Quotas(ports.usage, new QuotaSettings(10, 100_000)), deletion);
    people = upload(datasets, "People.csv", "playerID,born\na,1980\nb,1981\n");
    salaries = upload(datasets, "Salaries.csv", "playerID,yearID,salary\na,2001,10\nb,2001,20\na,2002,30\n");
    model = DatabaseModel.restore(
        new DatabaseModelId(7), project.id(), new Algorithm("Linked"), TrainingSettings.NONE, Optional.empty(),
        List.of(new TrainedTable(people.id(), "People", List.of("playerID")), new TrainedTable(salaries.id(), "Salaries", List.of())),
        List.of(new TableLink("People", List.of("playerID"), "Salaries", List.of("playerID"), List.of("yearID"))), ModelStatus.COMPLETED, Optional.empty(),
        Optional.of("model-folder"), List.of(), Optional.empty(), clock.instant(), Optional.of(clock.instant()), Optional.of(clock.instant()));
    batch = batch(BatchStatus.COMPLETED);
    store(FileKeys.databaseBatchTable(FOLDER, 0), "playerID,born\nx,1990\n");
    store(FileKeys.databaseBatchTable(FOLDER, 1), "playerID,yearID,salary\nx,2001,5\nx,2002,6\n");
    connections.put(3L, connection(3, project.id()));
    connections.put(4L, connection(4, new ProjectId(project.id().value() + 1)));
    service = new DatabaseExportService(
        new Batches(), new Models(), ports.datasetStore, new Connections(), databases, ports.fileStore, ports.tableReader, new RecordingExporter());
  }

  private Dataset upload(DatasetService datasets, String name, String csv) {
    return datasets.upload(UploadDatasetCommand.of(owner, project.id(), null, name, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Map.of()));
  }

  private DatabaseBatch batch(BatchStatus status) {
    boolean completed = status == BatchStatus.COMPLETED;
    return DatabaseBatch.restore(
        new DatabaseBatchId(1), model.id(), 1.0, Optional.empty(), Map.of(), Map.of(), status, completed ? List.of(new TableRows("People", 1, 0), new TableRows("Salaries", 2, 0)) : List.of(),
        completed ? Optional.of(FOLDER) : Optional.empty(), Optional.empty(), clock.instant(), Optional.empty(), Optional.empty());
  }

  private void store(String key, String csv) {
    ports.fileStore.write(key, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE);
  }

  private static DatabaseConnection connection(long id, ProjectId project) {
    ConnectionDetails details = new ConnectionDetails(DatabaseKind.POSTGRESQL, "db.internal", 5432, "warehouse", "writer", DatabasePassword.of("secret"));
    return new DatabaseConnection(new ConnectionId(id), project, "Warehouse " + id, details, Instant.EPOCH);
  }

  private ExportDatabaseCommand command(long connection, boolean dryRun) {
    return new ExportDatabaseCommand(owner, batch.id(), new ConnectionId(connection), "synthetic", dryRun, false);
  }

  @Test
  void writesTheBatchsTablesParentsFirstTypedByTheirDatasetsAndKeyedAsTheModelLearnedThem() {
    Exported result = service.export(new ExportDatabaseCommand(owner, batch.id(), new ConnectionId(3), "synthetic", false, true));

    assertThat(databases.schema).isEqualTo("synthetic");
    assertThat(databases.details.database()).isEqualTo("warehouse");
    assertThat(databases.options).isEqualTo(new ExternalDatabases.WriteOptions(false, true));
    List<ExternalDatabases.TableToWrite> tables = databases.plan.tables();
    assertThat(tables).extracting(ExternalDatabases.TableToWrite::name).containsExactly("People", "Salaries");
    assertThat(tables.get(0).columns()).isEqualTo(people.profile().schema());
    assertThat(tables.get(1).columns()).isEqualTo(salaries.profile().schema());
    assertThat(tables.get(0).primaryKey()).containsExactly("playerID");
    assertThat(tables.get(1).foreignKeys()).containsExactly(new ForeignKeyDescription(List.of("playerID"), "People", List.of("playerID")));
    assertThat(rows(tables.get(1))).containsExactly("playerID,yearID,salary", "x,2001,5", "x,2002,6");
    assertThat(result).isEqualTo(new Exported(List.of("CREATE TABLE People", "CREATE TABLE Salaries"), Map.of("People", 1L, "Salaries", 2L), false));
  }

  @Test
  void aTablesAnomalyLabelsAreWrittenAsColumnsOfTheirOwnAfterItsDatasetsColumns() {
    AnomalySpec anomalies = new AnomalySpec(0.5, Optional.of("is_anomaly"), Optional.of("anomaly_kind"), List.of());
    batch = DatabaseBatch.restore(
        batch.id(), model.id(), 1.0, Optional.empty(), Map.of("Salaries", anomalies), Map.of(), BatchStatus.COMPLETED,
        List.of(new TableRows("People", 1, 0), new TableRows("Salaries", 2, 1)), Optional.of(FOLDER), Optional.empty(), clock.instant(), Optional.empty(),
        Optional.empty());

    service.export(command(3, false));

    List<ExternalDatabases.TableToWrite> tables = databases.plan.tables();
    assertThat(tables.get(0).columns()).isEqualTo(people.profile().schema());
    assertThat(tables.get(1).columns()).startsWith(salaries.profile().schema().toArray(ColumnSchema[]::new)).endsWith(
        new ColumnSchema("is_anomaly", ColumnType.BOOLEAN, Optional.empty()), new ColumnSchema("anomaly_kind", ColumnType.CATEGORICAL, Optional.empty()));
  }

  @Test
  void aDryRunSaysSo() {
    assertThat(service.export(command(3, true)).dryRun()).isTrue();
    assertThat(databases.options.dryRun()).isTrue();
  }

  @Test
  void refusesAConnectionOutsideTheBatchsProjectNamingConnectionId() {
    for (long connection : new long[] {4, 99}) {
      assertThatThrownBy(() -> service.export(command(connection, false)))
          .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("connectionId"));
    }
    assertThat(databases.plan).isNull();
  }

  @Test
  void refusesAnotherUsersBatch() {
    assertThatThrownBy(() -> service.export(new ExportDatabaseCommand(new UserId(2), batch.id(), new ConnectionId(3), "synthetic", false, false)))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.field()).isEqualTo("id"));
    assertThatThrownBy(() -> service.download(new UserId(2), batch.id(), new DatabaseDownload(ExportFormat.CSV, SqlDialect.MYSQL)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void refusesABatchThatHasNotCompleted() {
    batch = batch(BatchStatus.GENERATING);

    assertThatThrownBy(() -> service.export(command(3, false)))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("GENERATING", "only a completed batch can be exported"));
    assertThatThrownBy(() -> service.download(owner, batch.id(), new DatabaseDownload(ExportFormat.SQL, SqlDialect.MYSQL)))
        .isInstanceOf(ConflictException.class);
    assertThat(databases.plan).isNull();
  }

  @Test
  void refusesATableWhoseDatasetWasDeletedNamingBoth() {
    ports.datasetStore.delete(salaries.id());

    assertThatThrownBy(() -> service.export(command(3, false)))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("table Salaries", "dataset " + salaries.id().value(), "deleted"));
  }

  @Test
  void aCellItsColumnCannotHoldIsAConflictWithTheStoredBatch() {
    databases.refusal = new IllegalArgumentException("table People, column born, row 1: 'x' is not an integer");

    assertThatThrownBy(() -> service.export(command(3, false)))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("table People, column born, row 1"));
  }

  @Test
  void requiresASchemaAndAConnectionNamingThem() {
    assertThatThrownBy(() -> new ExportDatabaseCommand(owner, batch.id(), new ConnectionId(3), " ", false, false))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("schema"));
    assertThatThrownBy(() -> new ExportDatabaseCommand(owner, batch.id(), null, "synthetic", false, false))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("connectionId"));
  }

  @Test
  void downloadsCsvAndParquetAsAZipOfOneFilePerTableInTheBatchsOrder() throws IOException {
    Map<String, String> csv = unzip(service.download(owner, batch.id(), new DatabaseDownload(ExportFormat.CSV, SqlDialect.MYSQL)));
    Map<String, String> parquet = unzip(service.download(owner, batch.id(), new DatabaseDownload(ExportFormat.PARQUET, SqlDialect.MYSQL)));

    assertThat(csv).containsExactly(
        Map.entry("People.csv", "playerID,born\nx,1990\n"), Map.entry("Salaries.csv", "playerID,yearID,salary\nx,2001,5\nx,2002,6\n"));
    assertThat(parquet).containsOnlyKeys("People.parquet", "Salaries.parquet");
    assertThat(parquet.get("Salaries.parquet")).isEqualTo("PARQUET " + FileKeys.databaseBatchTable(FOLDER, 1) + " " + salaries.profile().schema().size());
  }

  @Test
  void downloadsSqlAsOneScriptOfTheSamePlanInTheDialectAsked() throws IOException {
    TableDownload download = service.download(owner, batch.id(), new DatabaseDownload(ExportFormat.SQL, SqlDialect.POSTGRESQL));

    assertThat(download.fileName()).isEqualTo("database-batch-1.sql");
    assertThat(download.mediaType()).isEqualTo("application/sql");
    assertThat(content(download)).isEqualTo("SCRIPT POSTGRESQL");
    assertThat(scripted.tables()).extracting(ExternalDatabases.TableToWrite::name).containsExactly("People", "Salaries");
    assertThat(scripted.tables().get(1).foreignKeys()).hasSize(1);
  }

  @Test
  void aDatabaseDownloadIsCsvParquetOrSqlNamingFormatOtherwise() {
    assertThatThrownBy(() -> new DatabaseDownload(ExportFormat.JSON, SqlDialect.MYSQL))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("format"));
  }

  private static List<String> rows(ExternalDatabases.TableToWrite table) {
    List<String> lines = new ArrayList<>();
    table.rows().sendTo(new TableReader.RowConsumer() {
      @Override
      public void header(List<String> columnNames) {
        lines.add(String.join(",", columnNames));
      }

      @Override
      public boolean row(String[] values) {
        lines.add(String.join(",", values));
        return true;
      }
    });
    return lines;
  }

  private static String content(TableDownload download) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    download.content().writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, String> unzip(TableDownload download) throws IOException {
    assertThat(download.fileName()).isEqualTo("database-batch-1.zip");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    download.content().writeTo(out);
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  private final class Batches implements FindDatabaseBatchesUseCase {
    @Override
    public DatabaseBatch get(UserId caller, DatabaseBatchId id) {
      if (!caller.equals(owner) || !id.equals(batch.id())) {
        throw new NotFoundException("database batch", id.value(), "id");
      }
      return batch;
    }

    @Override
    public List<DatabaseBatch> listByModel(UserId caller, DatabaseModelId id) {
      return List.of(batch);
    }
  }

  private final class Models implements FindDatabaseModelsUseCase {
    @Override
    public DatabaseModel get(UserId caller, DatabaseModelId id) {
      return model;
    }

    @Override
    public List<DatabaseModel> listByProject(UserId caller, ProjectId id) {
      return List.of(model);
    }
  }

  private final class Connections implements ConnectionStore {
    @Override
    public DatabaseConnection add(NewDatabaseConnection connection) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<DatabaseConnection> findById(ConnectionId id) {
      return Optional.ofNullable(connections.get(id.value()));
    }

    @Override
    public List<DatabaseConnection> listByProject(ProjectId id) {
      return connections.values().stream().filter(c -> c.projectId().equals(id)).toList();
    }

    @Override
    public void delete(ConnectionId id) {
      connections.remove(id.value());
    }
  }

  /** Keeps what it was asked to write and answers one CREATE and the stored rows per table. */
  private static final class RecordingDatabases implements ExternalDatabases {
    ConnectionDetails details;
    String schema;
    WritePlan plan;
    WriteOptions options;
    RuntimeException refusal;

    @Override
    public WriteResult write(ConnectionDetails details, String targetSchema, WritePlan plan, WriteOptions options) {
      this.details = details;
      this.schema = targetSchema;
      this.plan = plan;
      this.options = options;
      if (refusal != null) {
        throw refusal;
      }
      Map<String, Long> rows = new LinkedHashMap<>();
      plan.tables().forEach(t -> rows.put(t.name(), options.dryRun() ? 0L : rows(t).size() - 1L));
      return new WriteResult(plan.tables().stream().map(t -> "CREATE TABLE " + t.name()).toList(), rows);
    }

    @Override
    public String test(ConnectionDetails details) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> listSchemas(ConnectionDetails details) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<TableDescription> describe(ConnectionDetails details, String schema) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void readTable(ConnectionDetails details, String schema, String table, TableReader.RowConsumer consumer) {
      throw new UnsupportedOperationException();
    }
  }

  /** Writes what it was asked for instead of a real format. */
  private final class RecordingExporter implements TableExporter {
    @Override
    public void export(String key, TableReader.TableLayout layout, List<ColumnSchema> columns, ExportFormat format, ExportOptions options, OutputStream out) {
      write(out, format + " " + key + " " + columns.size());
    }

    @Override
    public void exportScript(ExternalDatabases.WritePlan plan, SqlDialect dialect, OutputStream out) {
      scripted = plan;
      write(out, "SCRIPT " + dialect);
    }

    private static void write(OutputStream out, String text) {
      try {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
