package dev.doppel.adapter.web.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.PrivacySpent;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationResponseTest {
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
  private final Instant now = Instant.parse("2026-01-02T03:04:05Z");

  private JsonNode written(Evaluation evaluation, Optional<PrivacySpent> spent) {
    return json.valueToTree(EvaluationResponse.from(7, evaluation, spent, evaluation.report().map(r -> ReportDocument.read(json, r))));
  }

  @Test
  void leavesOutWhatAPendingEvaluationDoesNotHaveYet() {
    JsonNode body = written(Evaluation.requested(new ModelId(7), now), Optional.empty());
    assertThat(body.fieldNames()).toIterable().containsExactly("modelId", "status");
    assertThat(body.get("status").asText()).isEqualTo("PENDING");
  }

  @Test
  void writesTheScoresTheEnginesReportAndThePrivacySpentOfACompletedEvaluation() {
    Evaluation completed =
        Evaluation.requested(new ModelId(7), Optional.of("income"), now)
            .start(now)
            .complete(new EvaluationReport(0.8, 0.9, "{\"quality\":{\"score\":0.8},\"future_section\":[1]}"), now);
    JsonNode body = written(completed, Optional.of(new PrivacySpent(1.5, 1e-5)));
    assertThat(body.fieldNames()).toIterable()
        .containsExactly("modelId", "status", "target", "startedAt", "finishedAt", "differentialPrivacy", "qualityScore", "privacyScore", "report");
    assertThat(body.get("differentialPrivacy").get("epsilon").asDouble()).isEqualTo(1.5);
    assertThat(body.get("qualityScore").asDouble()).isEqualTo(0.8);
    assertThat(body.get("report").get("future_section").get(0).asInt()).isEqualTo(1);
  }

  @Test
  void writesTheReasonOfAFailedEvaluation() {
    JsonNode body = written(Evaluation.requested(new ModelId(7), now).start(now).fail("the engine ran out of memory", now), Optional.empty());
    assertThat(body.fieldNames()).toIterable().containsExactly("modelId", "status", "startedAt", "finishedAt", "error");
  }
}
