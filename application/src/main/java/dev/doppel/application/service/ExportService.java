package dev.doppel.application.service;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.ExportTablesUseCase;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.TableExporter;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.batch.BatchFile;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.user.UserId;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.GZIPOutputStream;

public class ExportService implements ExportTablesUseCase {
  private final Ownership ownership;
  private final TableExporter exporter;

  public ExportService(ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, TableExporter exporter) {
    this.ownership = new Ownership(projects, datasets, models, batches);
    this.exporter = exporter;
  }

  @Override
  public TableDownload batch(UserId owner, BatchId id, ExportRequest request) {
    SyntheticBatch batch = ownership.batch(owner, id, "id");
    BatchFile file =
        batch.file().orElseThrow(() -> new ConflictException("id", "batch " + id.value() + " is " + batch.status() + "; only a COMPLETED batch can be downloaded"));
    Dataset dataset = ownership.model(owner, batch.modelId(), "id").dataset();
    List<ColumnSchema> columns = GenerationChecks.generatedColumns(dataset, batch.anomalies());
    String base = safeName(stripExtension(dataset.name().value())) + "-synthetic-" + id.value();
    return download(base, file.key(), new TableLayout(FileFormat.CSV, ','), columns, request);
  }

  @Override
  public TableDownload dataset(UserId owner, DatasetId id, ExportRequest request) {
    Dataset dataset = ownership.dataset(owner, id, "id");
    return download(
        safeName(stripExtension(dataset.name().value())), dataset.file().key(), TableLayout.of(dataset.file()),
        dataset.profile().schema(), request);
  }

  private TableDownload download(String base, String key, TableLayout layout, List<ColumnSchema> columns, ExportRequest request) {
    String fileName = base + "." + request.format().extension() + (request.gzip() ? ".gz" : "");
    String mediaType = request.gzip() ? "application/gzip" : request.format().mediaType();
    return new TableDownload(fileName, mediaType, out -> write(key, layout, columns, request, out));
  }

  private void write(String key, TableLayout layout, List<ColumnSchema> columns, ExportRequest request, OutputStream out) throws IOException {
    if (!request.gzip()) {
      exporter.export(key, layout, columns, request.format(), request.options(), out);
      return;
    }
    GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
    exporter.export(key, layout, columns, request.format(), request.options(), gzip);
    gzip.finish();
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** Letters, digits, dots, dashes and underscores only: safe in any header and on any file system. */
  static String safeName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
    if (safe.length() > 80) {
      safe = safe.substring(0, 80);
    }
    return safe.isEmpty() ? "table" : safe;
  }
}
