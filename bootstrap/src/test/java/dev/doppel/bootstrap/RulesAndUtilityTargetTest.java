package dev.doppel.bootstrap;

import static dev.doppel.bootstrap.SynthesisJourneyTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules a training found, shown on the model and switched off per generation, and evaluations
 * asked for again with a utility target. The test engine finds one rule in penguins.csv: island
 * determined by species.
 */
class RulesAndUtilityTargetTest extends FullStackTest {
  private static final Duration JOB = Duration.ofMinutes(2);
  private static final String RULE = "dependency:island";

  String token;
  long dataset;
  long model;

  @BeforeEach
  void trainOnPenguins() {
    token = api.signUp(unique("rules"));
    long project = api.createProject(token, "Penguins");
    dataset = api.upload(token, project, SampleTables.file("penguins.csv")).json().get("id").asLong();
    model = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula")).json().get("id").asLong();
    Polling.untilStatus(api, "/api/models/" + model, token, "COMPLETED", JOB);
  }

  @Test
  void listsTheRulesTheTrainingFoundAndRecordsThoseAGenerationSwitchedOff() {
    JsonNode described = api.get("/api/models/" + model, token).json();
    assertThat(described.get("encodings")).as("GaussianCopula does not choose per column").isEmpty();
    JsonNode rules = described.get("rules");
    assertThat(rules).hasSize(1);
    assertThat(rules.get(0).get("id").asText()).isEqualTo(RULE);
    assertThat(rules.get(0).get("kind").asText()).isEqualTo("dependency");
    assertThat(rules.get(0).get("columns").toString()).isEqualTo("[\"island\",\"species\"]");
    assertThat(rules.get(0).get("text").asText()).isEqualTo("island is determined by species");
    assertThat(rules.get(0).get("realShare").asDouble()).isEqualTo(1.0);

    Reply switchedOff = api.post("/api/generate", token, Map.of("modelId", model, "count", 20, "rulesOff", List.of(RULE, RULE)));
    assertThat(switchedOff.status()).as(switchedOff.toString()).isEqualTo(202);
    long batch = switchedOff.json().get("id").asLong();
    JsonNode generated = Polling.untilStatus(api, "/api/synthetic/" + batch, token, "COMPLETED", JOB);
    assertThat(generated.get("rulesOff").toString()).isEqualTo("[\"" + RULE + "\"]");

    Reply allKept = api.post("/api/generate", token, Map.of("modelId", model, "count", 20));
    assertThat(allKept.status()).as(allKept.toString()).isEqualTo(202);
    assertThat(allKept.json().get("rulesOff")).isEmpty();
  }

  @Test
  void refusesToSwitchOffWhatIsNoRuleOfTheModelAndQueuesNothing() {
    assertField(api.post("/api/generate", token, Map.of("modelId", model, "count", 20, "rulesOff", List.of(RULE, "linear:total"))), 400, "rulesOff", "linear:total");
    assertField(api.post("/api/generate", token, Map.of("modelId", model, "count", 20, "rulesOff", Arrays.asList(RULE, null))), 400, "rulesOff", "rule ids");

    assertThat(api.get("/api/models/" + model + "/batches", token).json()).isEmpty();
  }

  @Test
  void evaluatesAgainWithTheUtilityTargetAskedForAndWithoutOne() {
    awaitEvaluation();

    Reply targeted = api.post("/api/models/" + model + "/evaluation", token, Map.of("target", "sex"));
    assertThat(targeted.status()).as(targeted.toString()).isEqualTo(202);
    assertThat(targeted.json().get("target").asText()).isEqualTo("sex");
    JsonNode done = awaitEvaluation();
    assertThat(done.get("target").asText()).isEqualTo("sex");
    assertThat(done.get("report").get("utility").get("target").asText()).as("the engine was asked for it").isEqualTo("sex");

    Reply automatic = api.post("/api/models/" + model + "/evaluation", token, Map.of());
    assertThat(automatic.status()).as(automatic.toString()).isEqualTo(202);
    JsonNode chosenByTheEngine = awaitEvaluation();
    assertThat(chosenByTheEngine.has("target")).isFalse();
    assertThat(chosenByTheEngine.get("report").get("utility").isNull()).isTrue();
  }

  @Test
  void refusesATargetThatIsNoColumnOfTheTableAndKeepsTheReport() {
    JsonNode before = awaitEvaluation();

    assertField(api.post("/api/models/" + model + "/evaluation", token, Map.of("target", "wingspan")), 400, "target", "wingspan");
    assertField(api.post("/api/models/" + model + "/evaluation", token, Map.of("target", " ")), 400, "target", "column");

    assertThat(api.get("/api/models/" + model + "/evaluation", token).json()).isEqualTo(before);
    assertThat(api.post("/api/models/" + model + "/evaluation", api.signUp(unique("stranger")), Map.of("target", "sex")).status()).isEqualTo(404);
  }

  @Test
  void refusesToEvaluateAModelThatHasNotCompleted() {
    long hanging = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "TestHang")).json().get("id").asLong();

    assertField(api.post("/api/models/" + hanging + "/evaluation", token, Map.of()), 409, "id", "COMPLETED");

    api.post("/api/models/" + hanging + "/cancel", token, Map.of());
  }

  @Test
  void theApiDescriptionDocumentsRulesOffAndTheUtilityTarget() {
    JsonNode docs = api.get("/v3/api-docs", null).json();
    JsonNode schemas = docs.get("components").get("schemas");

    assertThat(schemas.at("/GenerateRequest/properties/rulesOff/items/maxLength").asInt()).isEqualTo(200);
    assertThat(schemas.at("/ModelResponse/properties/rules/items").toString()).contains("Rule");
    assertThat(schemas.at("/BatchResponse/properties/rulesOff").isMissingNode()).isFalse();
    assertThat(schemas.at("/EvaluateRequest/properties/target").isMissingNode()).isFalse();
    assertThat(docs.at("/paths/~1api~1models~1{id}~1evaluation/post/responses").has("409")).isTrue();
  }

  private JsonNode awaitEvaluation() {
    JsonNode evaluation =
        Polling.until(() -> api.get("/api/models/" + model + "/evaluation", token), json -> List.of("COMPLETED", "FAILED").contains(json.path("status").asText()), JOB);
    assertThat(evaluation.get("status").asText()).as(evaluation.toString()).isEqualTo("COMPLETED");
    return evaluation;
  }
}
