package dev.doppel.adapter.web.dataset;

import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.StoredFile;
import dev.doppel.domain.dataset.TextEncoding;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

public record DatasetResponse(
    long id,
    long projectId,
    String name,
    String format,
    String delimiter,
    @Schema(description = "the text encoding a CSV file arrived in: UTF-8 or windows-1252 (stored as UTF-8 either way); null for Parquet")
        String encoding,
    long sizeBytes,
    String sha256,
    long rowCount,
    List<ColumnSummary> columns,
    Instant uploadedAt) {

  public record ColumnSummary(
      String name, String type, String inferredType, String datetimeFormat, long nullCount, long distinctCount) {
    static ColumnSummary from(ColumnProfile column) {
      return new ColumnSummary(
          column.name(), column.type().wireName(), column.inferredType().wireName(), column.datetimeFormat().orElse(null), column.nullCount(),
          column.distinctCount());
    }
  }

  public static DatasetResponse from(Dataset dataset) {
    StoredFile file = dataset.file();
    return new DatasetResponse(
        dataset.id().value(),
        dataset.projectId().value(),
        dataset.name().value(),
        file.format().name(),
        file.format() == FileFormat.CSV ? String.valueOf(file.delimiter()) : null,
        file.encoding().map(TextEncoding::label).orElse(null),
        file.sizeBytes(),
        file.sha256(),
        dataset.profile().rowCount(),
        dataset.profile().columns().stream().map(ColumnSummary::from).toList(),
        dataset.uploadedAt());
  }
}
