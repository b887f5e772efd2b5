package dev.doppel.adapter.web.batch;

import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.SyntheticBatch;
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

  public record Anomalies(double ratio, String labelColumn, String kindColumn, List<String> kinds) {
    public static Anomalies from(AnomalySpec a) {
      return new Anomalies(a.ratio(), a.labelColumn().orElse(null), a.kindColumn().orElse(null), a.kinds());
    }
  }

  public record Progress(long rows, long total) {}

  static BatchResponse from(SyntheticBatch b) {
    return new BatchResponse(
        b.id().value(),
        b.modelId().value(),
        b.status().name(),
        b.requestedRows(),
        b.file().map(f -> f.rows()).orElse(null),
        b.anomalies().map(Anomalies::from).orElse(null),
        b.file().map(f -> f.anomalyRows()).orElse(null),
        b.seed().orElse(null),
        b.rulesOff(),
        b.file().map(f -> f.sizeBytes()).orElse(null),
        b.file().map(f -> f.sha256()).orElse(null),
        new Progress(b.rowsDone(), b.requestedRows()),
        b.createdAt(),
        b.startedAt().orElse(null),
        b.finishedAt().orElse(null),
        b.error().orElse(null));
  }
}
