package dev.doppel.adapter.web.dataset;

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
      String name, String type, String inferredType, String datetimeFormat, long nullCount, long distinctCount) {}
}
