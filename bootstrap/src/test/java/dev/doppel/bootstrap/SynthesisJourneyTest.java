package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Train, watch, evaluate and generate through HTTP. Runs against the test engine by default and
 * against the real Python engine with -Ddoppel.test.engine=python (./doppel test does both).
 */
class SynthesisJourneyTest extends FullStackTest {
  static final Duration TRAINING = Duration.ofMinutes(4);
  String token;
  long dataset;

  @BeforeEach
  void uploadPenguins() {
    token = api.signUp(unique("journey"));
    long project = api.createProject(token, "Penguins");
    dataset = api.upload(token, project, SampleTables.file("penguins.csv")).json().get("id").asLong();
  }

  private long train(Map<String, Object> request) {
    Reply accepted = api.post("/api/models/train", token, request);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    assertThat(accepted.json().get("status").asText()).isIn("PENDING", "TRAINING");
    return accepted.json().get("id").asLong();
  }

  @Test
  void trainsEvaluatesAndGeneratesWithGaussianCopulaAndCtgan() throws IOException {
    long copula = train(Map.of("datasetId", dataset, "algorithm", "GaussianCopula", "seed", 7));
    long ctgan = train(Map.of("datasetId", dataset, "algorithm", "CTGAN", "epochs", 3, "batchSize", 100, "seed", 7));

    JsonNode copulaDone = Polling.untilStatus(api, "/api/models/" + copula + "/status", token, "COMPLETED", TRAINING);
    assertThat(copulaDone.get("startedAt").isNull()).isFalse();
    JsonNode ctganDone = Polling.untilStatus(api, "/api/models/" + ctgan + "/status", token, "COMPLETED", TRAINING);
    assertThat(ctganDone.get("progress").get("epoch").asInt()).isEqualTo(3);
    assertThat(ctganDone.get("progress").get("epochs").asInt()).isEqualTo(3);
    assertThat(ctganDone.get("lossHistory")).hasSize(3);
    assertThat(ctganDone.get("settings").get("epochs").asInt()).isEqualTo(3);
    assertThat(ctganDone.get("settings").get("pac").asInt()).isEqualTo(10);

    JsonNode evaluation = Polling.until(() -> api.get("/api/models/" + copula + "/evaluation", token), json -> json.path("status").asText().equals("COMPLETED") || json.path("status").asText().equals("FAILED"), TRAINING);
    assertThat(evaluation.get("status").asText()).as(evaluation.toString()).isEqualTo("COMPLETED");
    assertThat(evaluation.get("qualityScore").asDouble()).isBetween(0.0, 1.0);
    assertThat(evaluation.get("privacyScore").asDouble()).isBetween(0.0, 1.0);
    assertThat(evaluation.get("report").get("charts").get("correlation").get("columns").size()).isGreaterThan(0);
    assertThat(api.get("/api/models/" + copula, token).json().get("evaluation").get("status").asText()).isEqualTo("COMPLETED");

    Reply generate =
        api.post("/api/generate", token, Map.of("modelId", ctgan, "count", 500, "seed", 3, "anomalies", Map.of("inject", true, "ratio", 0.02)));
    assertThat(generate.status()).as(generate.toString()).isEqualTo(202);
    long batch = generate.json().get("id").asLong();
    JsonNode generated = Polling.untilStatus(api, "/api/synthetic/" + batch, token, "COMPLETED", TRAINING);
    assertThat(generated.get("rowCount").asLong()).isEqualTo(500);
    assertThat(generated.get("anomalyRows").asLong()).isEqualTo(10);
    assertThat(generated.get("sha256").asText()).hasSize(64);

    HttpResponse<byte[]> csv = api.download("/api/synthetic/" + batch + "/download?format=csv", token);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains("penguins-synthetic-" + batch + ".csv");
    List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(501);
    assertThat(lines.get(0)).startsWith("species,island,").endsWith(",is_anomaly");
    assertThat(lines.stream().skip(1).filter(l -> l.endsWith(",true")).count()).isEqualTo(10);

    String sql = api.get("/api/synthetic/" + batch + "/download?format=sql", token).body();
    assertThat(sql).contains("CREATE TABLE `synthetic_data`").contains("`is_anomaly` BOOLEAN");
    assertThat(sql.lines().filter(l -> l.startsWith("INSERT INTO")).mapToLong(l -> l.split("\\),\\(", -1).length).sum()).isEqualTo(500);

    JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.get("/api/synthetic/" + batch + "/download?format=json", token).body());
    assertThat(json).hasSize(500);
    assertThat(json.get(0).get("is_anomaly").isBoolean()).isTrue();
    assertThat(json.get(0).get("year").isIntegralNumber()).isTrue();

    HttpResponse<byte[]> gzipped = api.download("/api/synthetic/" + batch + "/download?format=jsonl&compress=gzip", token);
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count()).isEqualTo(500);
    }
    assertThat(api.download("/api/synthetic/" + batch + "/download?format=parquet", token).body()).startsWith(new byte[] {'P', 'A', 'R', '1'});

    Reply unknown = api.get("/api/synthetic/" + batch + "/download?format=xlsx", token);
    assertField(unknown, 400, "format", "csv, json, jsonl, sql, parquet");
    assertThat(api.get("/api/synthetic/" + batch + "/download?format=csv", api.signUp(unique("outsider"))).status()).isEqualTo(404);
    assertThat(api.get("/api/models/" + ctgan + "/batches", token).json()).hasSize(1);
  }

  @Test
  void validatesTrainingRequestsAgainstTheEnginesCatalogue() {
    JsonNode catalogue = api.get("/api/algorithms", token).json();
    assertThat(catalogue.get("algorithms").findValuesAsText("name")).contains("GaussianCopula", "CTGAN");

    assertField(api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "Magic")), 400, "algorithm", "GaussianCopula");
    assertField(api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "CTGAN", "epochs", 0)), 400, "settings.epochs", "at least 1");
    assertField(api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "CTGAN", "epochs", 10001)), 400, "settings.epochs", "at most 10000");
    assertField(api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "CTGAN", "batchSize", 104)), 400, "settings.batch_size", "multiple of pac");
    assertField(api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula", "epochs", 5)), 400, "settings.epochs", "no setting");
    assertField(api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula", "settings", Map.of("default_distribution", "cauchy"))), 400, "settings.default_distribution", "one of");
    assertField(api.post("/api/models/train", token, Map.of("datasetId", 999_999, "algorithm", "GaussianCopula")), 404, "datasetId", "dataset");
    assertField(api.post("/api/models/train", token, Map.of("algorithm", "GaussianCopula")), 400, "datasetId", "required");
  }

  @Test
  void refusesToGenerateFromAModelThatHasNotCompletedAndBoundsTheCount() {
    long model = train(Map.of("datasetId", dataset, "algorithm", "GaussianCopula"));
    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", TRAINING);
    assertField(api.post("/api/generate", token, Map.of("modelId", model, "count", 10_000_000)), 400, "count", "at most");
    assertField(api.post("/api/generate", token, Map.of("modelId", model, "count", 0)), 400, "count", "at least 1");
    assertField(api.post("/api/generate", token, Map.of("modelId", model, "count", 10, "anomalies", Map.of("inject", true, "ratio", 2))), 400, "anomalies", "ratio");
    assertField(api.post("/api/generate", token, Map.of("modelId", 999_999, "count", 10)), 404, "modelId", "model");

    String stranger = api.signUp(unique("stranger"));
    assertThat(api.get("/api/models/" + model, stranger).status()).isEqualTo(404);
    assertThat(api.get("/api/models/" + model + "/evaluation", stranger).status()).isEqualTo(404);
    assertThat(api.post("/api/generate", stranger, Map.of("modelId", model, "count", 10)).status()).isEqualTo(404);
    assertThat(api.post("/api/models/" + model + "/cancel", stranger, Map.of()).status()).isEqualTo(404);
    assertThat(api.delete("/api/models/" + model, stranger).status()).isEqualTo(404);
  }

  @Test
  void generationFromACorruptModelFileEndsFailedWithAReadableReason() throws Exception {
    long model = train(Map.of("datasetId", dataset, "algorithm", "GaussianCopula"));
    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", TRAINING);
    java.nio.file.Path modelFolder;
    try (var files = java.nio.file.Files.walk(DATA_DIR.resolve("files"))) {
      modelFolder = files.filter(p -> p.endsWith("models/" + model + "/model-folder")).findFirst().orElseThrow();
    }
    try (var files = java.nio.file.Files.walk(modelFolder)) {
      for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
        java.nio.file.Files.writeString(file, "this is not a model");
      }
    }
    long batch = api.post("/api/generate", token, Map.of("modelId", model, "count", 100)).json().get("id").asLong();
    JsonNode failed = Polling.untilStatus(api, "/api/synthetic/" + batch, token, "FAILED", TRAINING);
    assertThat(failed.get("error").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("Traceback");
    assertThat(api.get("/actuator/health", null).json().get("status").asText()).isEqualTo("UP");
  }

  static void assertField(Reply reply, int status, String field, String detail) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("field").asText()).isEqualTo(field);
    assertThat(reply.json().get("detail").asText()).contains(detail);
  }
}
