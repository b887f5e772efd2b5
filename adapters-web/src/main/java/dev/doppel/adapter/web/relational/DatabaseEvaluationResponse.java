package dev.doppel.adapter.web.relational;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.domain.relational.DatabaseEvaluation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A database batch's evaluation in whatever state it is.
 *
 * @param report the engine's report as it wrote it, held as a JSON tree because the engine owns its
 *     content; null until the evaluation completes
 */
public record DatabaseEvaluationResponse(
    long databaseBatchId,
    @Schema(description = "PENDING, RUNNING, COMPLETED or FAILED") String status,
    String error,
    Instant requestedAt,
    Instant startedAt,
    Instant finishedAt,
    @Schema(
            description = "the engine's report: tables (each table's scores), relationships (per relationship: parent, child, parentColumns, childColumns,"
                + " integrity {childRows, orphans, share}, childrenPerParent {real, synthetic, ksComplement}, pairTrends, and sequence for an ordered child)"
                + " and summary")
        JsonNode report) {

  static DatabaseEvaluationResponse from(DatabaseEvaluation evaluation, ObjectMapper json) {
    return new DatabaseEvaluationResponse(
        evaluation.batchId().value(), evaluation.status().name(), evaluation.error().orElse(null), evaluation.requestedAt(), evaluation.startedAt().orElse(null),
        evaluation.finishedAt().orElse(null), evaluation.report().map(document -> read(json, document)).orElse(null));
  }

  private static JsonNode read(ObjectMapper json, String document) {
    try {
      return json.readTree(document);
    } catch (IOException e) {
      throw new UncheckedIOException("the stored database evaluation report is not JSON", e);
    }
  }
}
