package dev.doppel.adapter.web.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.synthesis.PrivacySpent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Optional;

/**
 * A model's evaluation in whatever state it is. Fields the evaluation does not have yet (or at all)
 * are left out rather than written as null: the scores and report until it completes, the error
 * unless it failed.
 *
 * @param differentialPrivacy the (ε, δ) the model's training spent, when it was trained privately
 * @param report the engine's report as it wrote it. Held as a JSON tree because the engine owns its
 *     content, which grows with each version (older evaluations lack parts newer ones have); the
 *     scores this API relies on are typed fields of their own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationResponse(
    long modelId,
    String status,
    String target,
    Instant startedAt,
    Instant finishedAt,
    String error,
    ModelResponse.PrivacySpent differentialPrivacy,
    Double qualityScore,
    Double privacyScore,
    @Schema(description = "the engine's full report: fidelity, detection, rules, privacy and utility sections") JsonNode report) {

  static EvaluationResponse from(long modelId, Evaluation evaluation, Optional<PrivacySpent> spent, Optional<JsonNode> report) {
    return new EvaluationResponse(
        modelId,
        evaluation.status().name(),
        evaluation.target().orElse(null),
        evaluation.startedAt().orElse(null),
        evaluation.finishedAt().orElse(null),
        evaluation.error().orElse(null),
        spent.map(ModelResponse.PrivacySpent::from).orElse(null),
        evaluation.report().map(r -> r.qualityScore()).orElse(null),
        evaluation.report().map(r -> r.privacyScore()).orElse(null),
        report.orElse(null));
  }
}
