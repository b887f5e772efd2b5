package dev.doppel.adapter.web.dataset;

import java.time.Instant;
import java.util.List;

public record DatasetResponse(
    long id,
    long projectId,
    String name,
    String format,
    String delimiter,
    long sizeBytes,
    String sha256,
    long rowCount,
    List<ColumnSummary> columns,
    Instant uploadedAt) {

  public record ColumnSummary(
      String name, String type, String inferredType, String datetimeFormat, long nullCount, long distinctCount) {}
}
