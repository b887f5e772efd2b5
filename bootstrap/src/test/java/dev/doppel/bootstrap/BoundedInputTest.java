package dev.doppel.bootstrap;

import static dev.doppel.bootstrap.SynthesisJourneyTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every text that is stored is bounded where it enters, no wider than its column: an over-long
 * value answers 400 problem+json naming the field and stores nothing.
 */
class BoundedInputTest extends FullStackTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  String token;
  long project;

  @BeforeEach
  void signUp() {
    token = api.signUp(unique("bounded"));
    project = api.createProject(token, "Bounded");
  }

  @Test
  void refusesAUsernameWiderThanItsColumn() {
    assertThat(api.post("/api/auth/register", null, Map.of("username", "u".repeat(51), "password", "a long enough password")).status()).isEqualTo(400);
  }

  @Test
  void refusesAProjectNameOrDescriptionWiderThanItsColumnAndStoresNothing() {
    String fresh = api.signUp(unique("empty"));
    assertField(api.post("/api/projects", fresh, Map.of("name", "n".repeat(121), "description", "")), 400, "name", "at most 120");
    assertField(api.post("/api/projects", fresh, Map.of("name", "ok", "description", "d".repeat(2001))), 400, "description", "at most 2000");
    assertThat(api.get("/api/projects", fresh).json()).isEmpty();

    assertField(api.patch("/api/projects/" + project, token, Map.of("name", "n".repeat(121))), 400, "name", "at most 120");
    assertField(api.patch("/api/projects/" + project, token, Map.of("description", "d".repeat(2001))), 400, "description", "at most 2000");
    assertThat(api.get("/api/projects/" + project, token).json().get("name").asText()).isEqualTo("Bounded");
  }

  @Test
  void cutsADatasetNameFromALongFileNameToItsColumn() {
    // Longer than the column, still short enough for the servlet container's limit on a part's headers.
    String longName = "x".repeat(300) + ".csv";
    var uploaded = api.upload(token, project, longName, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(uploaded.json().get("name").asText()).hasSize(200);
  }

  @Test
  void refusesAnAlgorithmNameOrTextSettingWiderThanItsColumnAndStoresNoModel() {
    long dataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
    assertField(api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "A".repeat(10_000))), 400, "algorithm", "unknown algorithm");
    assertField(
        api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula", "settings", Map.of("default_distribution", "b".repeat(10_000)))),
        400, "settings.default_distribution", "at most 200 characters");
    assertThat(api.get("/api/models?datasetId=" + dataset, token).json()).isEmpty();
  }

  @Test
  void refusesRepeatedAnomalyKindsAndLongLabelColumnsAndStoresNoBatch() {
    long dataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
    long model = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula")).json().get("id").asLong();
    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", WAIT);

    Map<String, Object> hundredKinds = new HashMap<>(Map.of("inject", true, "ratio", 0.1));
    hundredKinds.put("kinds", Collections.nCopies(100, "out_of_range"));
    assertField(api.post("/api/generate", token, Map.of("modelId", model, "count", 10, "anomalies", hundredKinds)), 400, "anomalies", "at most once");
    assertField(
        api.post("/api/generate", token, Map.of("modelId", model, "count", 10, "anomalies", Map.of("inject", true, "ratio", 0.1, "labelColumn", "l".repeat(65)))),
        400, "anomalies", "1-64");
    assertField(
        api.post("/api/generate", token, Map.of("modelId", model, "count", 10, "anomalies", Map.of("inject", true, "ratio", 0.1, "kindColumn", "k".repeat(65)))),
        400, "anomalies", "1-64");
    assertThat(api.get("/api/models/" + model + "/batches", token).json()).isEmpty();
  }
}
