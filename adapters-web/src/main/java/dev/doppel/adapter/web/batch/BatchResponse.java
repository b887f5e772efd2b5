package dev.doppel.adapter.web.batch;

import java.time.Instant;
import java.util.List;

public record BatchResponse(
    long id,
    long modelId,
    String status,
    long requestedRows,
    Long rowCount,
    Anomalies anomalies,
    Long anomalyRows,
    Long seed,
    Long sizeBytes,
    String sha256,
    Progress progress,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String error) {

  public record Anomalies(double ratio, String labelColumn, String kindColumn, List<String> kinds) {}

  public record Progress(long rows, long total) {}
}
