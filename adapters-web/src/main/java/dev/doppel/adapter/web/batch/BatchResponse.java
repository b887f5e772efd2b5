package dev.doppel.adapter.web.batch;

import java.time.Instant;
import java.util.List;

/** @param rulesOff ids of the model's rules this batch did not keep; empty when it kept them all */
public record BatchResponse(
    long id,
    long modelId,
    String status,
    long requestedRows,
    Long rowCount,
    Anomalies anomalies,
    Long anomalyRows,
    Long seed,
    List<String> rulesOff,
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
