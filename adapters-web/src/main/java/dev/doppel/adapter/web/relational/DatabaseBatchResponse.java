package dev.doppel.adapter.web.relational;

import dev.doppel.adapter.web.batch.BatchResponse;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.TableRows;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public record DatabaseBatchResponse(
    long id,
    long databaseModelId,
    @Schema(description = "what the root tables' real rows were multiplied by") double scale,
    Long seed,
    @Schema(description = "the labelled anomalies asked for, by table name; empty when none were") Map<String, BatchResponse.Anomalies> anomalies,
    @Schema(description = "the fixed values asked for, by table name then column; empty when none were") Map<String, Map<String, String>> conditions,
    @Schema(description = "PENDING, GENERATING, COMPLETED, FAILED or CANCELLED") String status,
    @Schema(description = "rows per table, parents first; empty until the batch completes") List<GeneratedTable> tables,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  public record GeneratedTable(
      String table, long rows, @Schema(description = "how many of the rows are labelled anomalies; 0 for a table asked for none") long anomalyRows) {
    static GeneratedTable from(TableRows rows) {
      return new GeneratedTable(rows.table(), rows.rows(), rows.anomalyRows());
    }
  }

  static DatabaseBatchResponse from(DatabaseBatch b) {
    Map<String, BatchResponse.Anomalies> anomalies = new LinkedHashMap<>();
    b.anomalies().forEach((table, spec) -> anomalies.put(table, BatchResponse.Anomalies.from(spec)));
    Map<String, Map<String, String>> conditions = new LinkedHashMap<>();
    b.conditions().forEach((table, fixed) -> conditions.put(table, fixed.values()));
    return new DatabaseBatchResponse(
        b.id().value(), b.modelId().value(), b.scale(), b.seed().orElse(null), anomalies, conditions, b.status().name(),
        b.tableRows().stream().map(GeneratedTable::from).toList(), b.error().orElse(null), b.createdAt(), b.startedAt().orElse(null),
        b.finishedAt().orElse(null));
  }
}
