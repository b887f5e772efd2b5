package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.bootstrap.Api.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An app of its own, with its own data directory, and small quotas: two active jobs and room for a
 * little more than two copies of the penguins table.
 */
class QuotaTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir static Path dataDir;
  static ConfigurableApplicationContext app;
  Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());

  @BeforeAll
  static void start() throws IOException {
    long penguins = Files.size(SharedDatasets.file("penguins.csv"));
    app = new SpringApplicationBuilder(DoppelApplication.class)
        .run("--server.port=0", "--doppel.data-dir=" + dataDir, "--doppel.security.jwt-secret=", "--doppel.engine.adapter=test",
            "--doppel.quotas.max-active-jobs=2", "--doppel.quotas.max-stored-bytes=" + (2 * penguins + 1000) + "B");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aThirdQueuedJobAnswers429UntilOneEnds() {
    String token = api.signUp(FullStackTest.unique("busy"));
    long project = api.createProject(token, "Busy");
    long dataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
    long first = train(token, dataset, "TestHang");
    train(token, dataset, "TestHang");
    String otherToken = api.signUp(FullStackTest.unique("idle"));
    long otherDataset = api.upload(otherToken, api.createProject(otherToken, "Idle"), SharedDatasets.file("penguins.csv")).json().get("id").asLong();

    Reply refused = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asText()).contains("2 trainings and generations queued or running").contains("cancel one");
    assertThat(api.get("/api/models?datasetId=" + dataset, token).json()).hasSize(2);

    long othersModel = train(otherToken, otherDataset, "GaussianCopula");
    api.post("/api/models/" + first + "/cancel", token, Map.of());
    assertThat(api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula")).status()).isEqualTo(202);
    api.get("/api/models?datasetId=" + dataset, token).json().forEach(m -> api.post("/api/models/" + m.get("id").asLong() + "/cancel", token, Map.of()));
    Polling.untilStatus(api, "/api/models/" + othersModel + "/status", otherToken, "COMPLETED", WAIT);
  }

  @Test
  void uploadsAndGenerationsBeyondTheStorageQuotaAnswer413AndStoreNothing() {
    String token = api.signUp(FullStackTest.unique("hoarder"));
    long project = api.createProject(token, "Full");
    long dataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
    long model = train(token, dataset, "GaussianCopula");
    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", WAIT);
    Polling.untilStatus(api, "/api/models/" + model + "/evaluation", token, "COMPLETED", WAIT);
    assertThat(api.upload(token, project, SharedDatasets.file("penguins.csv")).status()).isEqualTo(201);
    List<String> filesBefore = filesOf(project);

    Reply upload = api.upload(token, project, SharedDatasets.file("penguins.csv"));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(413);
    assertThat(upload.contentType()).startsWith("application/problem+json");
    assertThat(upload.json().get("field").asText()).isEqualTo("file");
    assertThat(upload.json().get("detail").asText()).contains("storage quota");
    assertThat(filesOf(project)).isEqualTo(filesBefore);

    long batch = api.post("/api/generate", token, Map.of("modelId", model, "count", 1000)).json().get("id").asLong();
    Polling.untilStatus(api, "/api/synthetic/" + batch, token, "COMPLETED", WAIT);
    Reply generate = api.post("/api/generate", token, Map.of("modelId", model, "count", 10));
    assertThat(generate.status()).as(generate.toString()).isEqualTo(413);
    assertThat(generate.json().get("field").asText()).isEqualTo("count");
    assertThat(api.get("/api/datasets?projectId=" + project, token).json()).hasSize(2);
    assertThat(api.get("/api/models/" + model + "/batches", token).json()).hasSize(1);
    assertThat(filesOf(project)).filteredOn(f -> f.contains("/datasets/")).hasSize(2);

    assertThat(api.delete("/api/synthetic/" + batch, token).status()).isEqualTo(204);
    assertThat(api.post("/api/generate", token, Map.of("modelId", model, "count", 10)).status()).isEqualTo(202);
  }

  private static List<String> filesOf(long project) {
    return FullStackTest.storedFiles(dataDir).stream().filter(f -> f.startsWith("projects/" + project + "/")).toList();
  }

  private long train(String token, long dataset, String algorithm) {
    Reply accepted = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", algorithm));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return accepted.json().get("id").asLong();
  }
}
