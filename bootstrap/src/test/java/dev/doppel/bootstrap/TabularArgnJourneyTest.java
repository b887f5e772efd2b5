package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TabularARGN (mostlyai-engine, Apache-2.0) end to end through HTTP: train with live progress,
 * evaluate, generate with labelled anomalies, download, and a differentially private training.
 * Runs against the real engine only: in the full install and in the permissive-only install.
 */
class TabularArgnJourneyTest extends FullStackTest {
  static final Duration TRAINING = Duration.ofMinutes(5);
  String token;
  long dataset;

  @BeforeEach
  void uploadPenguins() {
    token = api.signUp(unique("argn"));
    long project = api.createProject(token, "Penguins with TabularARGN");
    dataset = api.upload(token, project, SampleTables.file("penguins.csv")).json().get("id").asLong();
  }

  private long train(Map<String, Object> request) {
    Reply accepted = api.post("/api/models/train", token, request);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return accepted.json().get("id").asLong();
  }

  @Test
  void trainsEvaluatesGeneratesAndDownloads() {
    JsonNode argn =
        java.util.stream.StreamSupport.stream(api.get("/api/algorithms", token).json().get("algorithms").spliterator(), false)
            .filter(a -> a.get("name").asText().equals("TabularARGN"))
            .findFirst()
            .orElseThrow();
    assertThat(argn.get("licence").asText()).isEqualTo("Apache-2.0");
    assertThat(argn.get("supportsDifferentialPrivacy").asBoolean()).isTrue();
    assertThat(argn.get("conditioning")).extracting(JsonNode::asText).containsExactly("fixed", "partial_rows", "rebalance", "impute");

    long model = train(Map.of("datasetId", dataset, "algorithm", "TabularARGN", "settings", Map.of("max_epochs", 3), "seed", 5));
    JsonNode done = Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", TRAINING);
    assertThat(done.get("lossHistory").size()).isPositive();
    assertThat(done.get("progress").get("epochs").asInt()).isEqualTo(3);
    JsonNode species =
        java.util.stream.StreamSupport.stream(done.get("encodings").spliterator(), false).filter(e -> e.get("column").asText().equals("species")).findFirst().orElseThrow();
    assertThat(species.get("encoding").asText()).isEqualTo("TABULAR_CATEGORICAL");
    assertThat(species.get("reason").asText()).contains("learned as categories");

    JsonNode evaluation =
        Polling.until(() -> api.get("/api/models/" + model + "/evaluation", token), json -> List.of("COMPLETED", "FAILED").contains(json.path("status").asText()), TRAINING);
    assertThat(evaluation.get("status").asText()).as(evaluation.toString()).isEqualTo("COMPLETED");
    assertThat(evaluation.get("qualityScore").asDouble()).isBetween(0.0, 1.0);
    assertThat(evaluation.get("report").get("charts").get("histograms").size()).isPositive();

    long batch =
        api.post("/api/generate", token, Map.of("modelId", model, "count", 300, "seed", 1, "anomalies", Map.of("inject", true, "ratio", 0.02)))
            .json().get("id").asLong();
    JsonNode generated = Polling.untilStatus(api, "/api/synthetic/" + batch, token, "COMPLETED", TRAINING);
    assertThat(generated.get("rowCount").asLong()).isEqualTo(300);
    assertThat(generated.get("anomalyRows").asLong()).isEqualTo(6);
    List<String> lines = new String(api.download("/api/synthetic/" + batch + "/download?format=csv", token).body(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(301);
    assertThat(lines.get(0)).isEqualTo("species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year,is_anomaly");

    Api.Reply sampled = api.post("/api/models/" + model + "/sample", token, Map.of("rows", 60, "seed", 4, "shares", Map.of("island", Map.of("Dream", 0.5, "Biscoe", 0.5))));
    assertThat(sampled.status()).as(sampled.toString()).isEqualTo(200);
    List<String> islands = new java.util.ArrayList<>();
    sampled.json().get("rows").forEach(row -> islands.add(row.get("island").asText()));
    assertThat(islands).hasSize(60).containsOnly("Dream", "Biscoe");
    assertThat(islands.stream().filter("Dream"::equals).count()).isEqualTo(30);
    Api.Reply fixed = api.post("/api/models/" + model + "/sample", token, Map.of("rows", 20, "conditions", Map.of("species", "Gentoo")));
    assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
    fixed.json().get("rows").forEach(row -> assertThat(row.get("species").asText()).isEqualTo("Gentoo"));
  }

  @Test
  void aDifferentiallyPrivateTrainingReportsTheBudgetItSpent() {
    long model =
        train(Map.of("datasetId", dataset, "algorithm", "TabularARGN", "settings", Map.of("max_epochs", 2), "differentialPrivacy", Map.of("max_epsilon", 5.0)));
    JsonNode done = Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", TRAINING);
    assertThat(done.get("differentialPrivacy").get("max_epsilon").asDouble()).isEqualTo(5.0);
    double spent = done.get("summary").get("privacySpent").get("epsilon").asDouble();
    assertThat(spent).isGreaterThan(0).isLessThanOrEqualTo(5.0);
  }
}
