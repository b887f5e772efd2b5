package dev.doppel.bootstrap;

import static dev.doppel.bootstrap.SynthesisJourneyTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failure, cancellation and queueing, driven through the test engine's on-demand behaviours. */
class JobLifecycleTest extends FullStackTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  String token;
  long dataset;

  @BeforeEach
  void uploadPenguins() {
    token = api.signUp(unique("lifecycle"));
    long project = api.createProject(token, "Jobs");
    dataset = api.upload(token, project, SampleTables.file("penguins.csv")).json().get("id").asLong();
  }

  private long train(String algorithm) {
    Map<String, Object> request =
        algorithm.equals("GaussianCopula")
            ? Map.of("datasetId", dataset, "algorithm", algorithm)
            : Map.of("datasetId", dataset, "algorithm", algorithm, "epochs", 5);
    Reply accepted = api.post("/api/models/train", token, request);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return accepted.json().get("id").asLong();
  }

  @Test
  void aFailingOrCrashingEngineEndsTheJobFailedWithItsReason() {
    long failing = train("TestFail");
    long crashing = train("TestCrash");
    JsonNode failed = Polling.untilStatus(api, "/api/models/" + failing + "/status", token, "FAILED", WAIT);
    assertThat(failed.get("error").asText()).isEqualTo("column 'age' has no values to learn from");
    assertThat(failed.get("finishedAt").isNull()).isFalse();
    JsonNode crashed = Polling.untilStatus(api, "/api/models/" + crashing + "/status", token, "FAILED", WAIT);
    assertThat(crashed.get("error").asText()).contains("stopped unexpectedly");
    assertThat(crashed.get("evaluation").get("status").asText()).isEqualTo("NONE");
    assertThat(storedFiles()).noneMatch(f -> f.contains("/models/" + failing + "/") || f.contains("/models/" + crashing + "/"));
    assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
  }

  @Test
  void cancellingStopsARunningTrainingAndAQueuedOne() {
    long running = train("TestHang");
    long queued = train("GaussianCopula");
    Polling.untilStatus(api, "/api/models/" + running + "/status", token, "TRAINING", WAIT);
    JsonNode waiting = api.get("/api/models/" + queued + "/status", token).json();
    assertThat(waiting.get("status").asText()).isEqualTo("PENDING");
    assertThat(waiting.get("queuePosition").asInt()).isZero();
    assertField(api.post("/api/generate", token, Map.of("modelId", running, "count", 10)), 409, "modelId", "COMPLETED");

    JsonNode progressing = Polling.until(() -> api.get("/api/models/" + running + "/status", token), json -> json.path("progress").path("epoch").asInt() >= 2, WAIT);
    assertThat(progressing.get("progress").get("metrics").has("loss")).isTrue();

    long started = System.nanoTime();
    JsonNode cancelled = api.post("/api/models/" + running + "/cancel", token, Map.of()).json();
    assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

    Polling.untilStatus(api, "/api/models/" + queued + "/status", token, "COMPLETED", WAIT);
    assertField(api.post("/api/models/" + queued + "/cancel", token, Map.of()), 409, "status", "already finished");

    long another = train("TestHang");
    long behind = train("GaussianCopula");
    Polling.untilStatus(api, "/api/models/" + another + "/status", token, "TRAINING", WAIT);
    assertThat(api.post("/api/models/" + behind + "/cancel", token, Map.of()).json().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(api.post("/api/models/" + another + "/cancel", token, Map.of()).json().get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void refusesToTrainOneTableWithAnAlgorithmThatLearnsOnlyRelatedTablesNamingTheWayToUseIt() {
    assertField(
        api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "TestDatabaseOnly")), 400, "algorithm",
        "TestDatabaseOnly learns a project's related tables together, not one table on its own");
    JsonNode catalogue = api.get("/api/algorithms", token).json().get("algorithms");
    assertThat(java.util.stream.StreamSupport.stream(catalogue.spliterator(), false).filter(a -> !a.get("singleTable").asBoolean()))
        .extracting(a -> a.get("name").asText()).containsExactly("TestDatabaseOnly");
  }

  @Test
  void recordsTheDifferentialPrivacyBudgetSpentAndRefusesItWhereTheAlgorithmHasNone() {
    Reply refused =
        api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula", "differentialPrivacy", Map.of("max_epsilon", 5)));
    assertField(refused, 400, "differentialPrivacy", "GaussianCopula does not support differential privacy");
    assertField(
        api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "TestPrivate", "differentialPrivacy", Map.of("max_epsilon", -1))),
        400, "differentialPrivacy.max_epsilon", "at least");

    Reply accepted =
        api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "TestPrivate", "epochs", 2, "differentialPrivacy", Map.of("max_epsilon", 4)));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    long model = accepted.json().get("id").asLong();
    JsonNode done = Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", WAIT);
    assertThat(done.get("differentialPrivacy").get("max_epsilon").asDouble()).isEqualTo(4.0);
    assertThat(done.get("differentialPrivacy").get("delta").asDouble()).isEqualTo(1e-5);
    assertThat(done.get("summary").get("privacySpent").get("epsilon").asDouble()).isEqualTo(1.5);
    JsonNode evaluation = Polling.untilStatus(api, "/api/models/" + model + "/evaluation", token, "COMPLETED", WAIT);
    assertThat(evaluation.get("differentialPrivacy").get("epsilon").asDouble()).isEqualTo(1.5);
    JsonNode catalogue = api.get("/api/algorithms", token).json().get("algorithms");
    JsonNode privateOne = java.util.stream.StreamSupport.stream(catalogue.spliterator(), false).filter(a -> a.get("name").asText().equals("TestPrivate")).findFirst().orElseThrow();
    assertThat(privateOne.get("supportsDifferentialPrivacy").asBoolean()).isTrue();
    assertThat(privateOne.get("differentialPrivacySettings").findValuesAsText("name")).containsExactly("max_epsilon", "delta");
  }

  @Test
  void deletingAModelRemovesItsBatchesAndFiles() {
    long model = train("GaussianCopula");
    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", WAIT);
    long batch = api.post("/api/generate", token, Map.of("modelId", model, "count", 50)).json().get("id").asLong();
    Polling.untilStatus(api, "/api/synthetic/" + batch, token, "COMPLETED", WAIT);
    assertThat(storedFiles()).anyMatch(f -> f.contains("/models/" + model + "/"));

    assertThat(api.delete("/api/models/" + model, token).status()).isEqualTo(204);
    assertThat(api.get("/api/models/" + model, token).status()).isEqualTo(404);
    assertThat(api.get("/api/synthetic/" + batch, token).status()).isEqualTo(404);
    assertThat(storedFiles()).noneMatch(f -> f.contains("/models/" + model + "/"));
  }
}
