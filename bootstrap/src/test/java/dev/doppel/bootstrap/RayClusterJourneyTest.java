package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.bootstrap.Api.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Train, generate, evaluate, download and cancel with doppel.engine.adapter=ray, every job's entry
 * point a job on a Ray cluster of a head and two worker nodes started on this machine. The
 * engine-python profile runs it with the engine virtual environment, whose ray command starts the
 * cluster.
 */
class RayClusterJourneyTest extends FullStackTest {
  private static final Duration JOB = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalRayCluster cluster;

  String token;
  long dataset;

  @DynamicPropertySource
  static void rayCluster(DynamicPropertyRegistry registry) {
    registry.add("doppel.engine.ray.address", () -> cluster().dashboard().toString());
    registry.add("doppel.engine.ray.poll-interval", () -> "200ms");
  }

  private static synchronized LocalRayCluster cluster() {
    if (cluster == null) {
      try {
        cluster = LocalRayCluster.start(Path.of(System.getProperty("doppel.test.python")));
      } catch (IOException e) {
        throw new AssertionError("the Ray cluster could not be started", e);
      }
    }
    return cluster;
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void uploadPenguins() {
    token = api.signUp(unique("ray"));
    long project = api.createProject(token, "Penguins on Ray");
    dataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
  }

  @Test
  void trainsGeneratesFromGivenRowsEvaluatesDownloadsAndReportsEngineFailuresThroughRayJobs() throws IOException {
    Reply accepted = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula", "seed", 7));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    long model = accepted.json().get("id").asLong();
    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", JOB);
    assertThat(rayJobs("train.py", "/models/" + model + "/")).extracting(job -> job.path("status").asText()).containsExactly("SUCCEEDED");

    Reply generate = api.post("/api/generate", token, Map.of("modelId", model, "count", 400, "seed", 3, "anomalies", Map.of("inject", true, "ratio", 0.05)));
    assertThat(generate.status()).as(generate.toString()).isEqualTo(202);
    long batch = generate.json().get("id").asLong();
    JsonNode generated = Polling.untilStatus(api, "/api/synthetic/" + batch, token, "COMPLETED", JOB);
    assertThat(generated.get("rowCount").asLong()).isEqualTo(400);
    assertThat(generated.get("anomalyRows").asLong()).isEqualTo(20);
    assertThat(rayJobs("generate.py", "/batches/" + batch + ".csv")).extracting(job -> job.path("status").asText()).containsExactly("SUCCEEDED");

    Reply largeGenerate = api.post("/api/generate", token, Map.of("modelId", model, "count", 200_000, "seed", 5, "anomalies", Map.of("inject", true, "ratio", 0.01)));
    assertThat(largeGenerate.status()).as(largeGenerate.toString()).isEqualTo(202);
    long large = largeGenerate.json().get("id").asLong();
    JsonNode fannedOut = Polling.untilStatus(api, "/api/synthetic/" + large, token, "COMPLETED", JOB);
    assertThat(fannedOut.get("rowCount").asLong()).isEqualTo(200_000);
    assertThat(fannedOut.get("anomalyRows").asLong()).isEqualTo(2_000);
    List<JsonNode> largeJobs = rayJobs("generate.py", "/batches/" + large + ".csv");
    assertThat(largeJobs).hasSize(1);
    JsonNode completed = completedEvent(largeJobs.get(0));
    assertThat(completed.path("parts").asInt()).as(completed.toString()).isEqualTo(2);
    assertThat(completed.path("nodes").asInt()).as("the parts were sampled as Ray tasks: " + completed).isPositive();

    HttpResponse<byte[]> csv = api.download("/api/synthetic/" + batch + "/download?format=csv", token);
    assertThat(csv.statusCode()).isEqualTo(200);
    List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(401);
    assertThat(lines.get(0)).startsWith("species,").endsWith(",is_anomaly");
    assertThat(lines.stream().skip(1).filter(line -> line.endsWith(",true")).count()).isEqualTo(20);

    JsonNode evaluation =
        Polling.until(() -> api.get("/api/models/" + model + "/evaluation", token), json -> List.of("COMPLETED", "FAILED").contains(json.path("status").asText()), JOB);
    assertThat(evaluation.get("status").asText()).as(evaluation.toString()).isEqualTo("COMPLETED");
    assertThat(evaluation.get("qualityScore").asDouble()).isBetween(0.0, 1.0);
    assertThat(rayJobs("evaluate.py", "/models/" + model + "/")).extracting(job -> job.path("status").asText()).containsExactly("SUCCEEDED");

    Reply given = api.post("/api/generate", token, Map.of("modelId", model, "seed", 4, "partialRows", List.of(Map.of("species", "Chinstrap"), Map.of("island", "Torgersen", "sex", "male"))));
    assertThat(given.status()).as(given.toString()).isEqualTo(202);
    long givenBatch = given.json().get("id").asLong();
    Polling.untilStatus(api, "/api/synthetic/" + givenBatch, token, "COMPLETED", JOB);
    List<String> givenRows = new String(api.download("/api/synthetic/" + givenBatch + "/download?format=csv", token).body(), StandardCharsets.UTF_8).lines().skip(1).toList();
    assertThat(givenRows).hasSize(2);
    assertThat(givenRows.get(0)).startsWith("Chinstrap,");
    assertThat(givenRows.get(1).split(",", -1)).satisfies(cells -> {
      assertThat(cells[1]).isEqualTo("Torgersen");
      assertThat(cells[6]).isEqualTo("male");
    });

    overwriteModelFiles(model);
    long broken = api.post("/api/generate", token, Map.of("modelId", model, "count", 10)).json().get("id").asLong();
    JsonNode failed = Polling.untilStatus(api, "/api/synthetic/" + broken, token, "FAILED", JOB);
    assertThat(failed.get("error").asText()).startsWith("the model's files are");
    assertThat(rayJobs("generate.py", "/batches/" + broken + ".csv")).extracting(job -> job.path("status").asText()).containsExactly("FAILED");
  }

  private static void overwriteModelFiles(long model) throws IOException {
    try (Stream<Path> files = Files.walk(DATA_DIR.resolve("files"))) {
      for (Path file : files.filter(path -> path.toString().contains("/models/" + model + "/model-folder/") && Files.isRegularFile(path)).toList()) {
        Files.writeString(file, "this is not a model");
      }
    }
  }

  @Test
  void cancellingATrainingStopsItsRayJob() {
    Reply accepted = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "CTGAN", "epochs", 5000, "batchSize", 100, "seed", 7));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    long model = accepted.json().get("id").asLong();
    Polling.until(() -> api.get("/api/models/" + model + "/status", token), json -> json.path("progress").path("epoch").asInt(0) >= 1, JOB);
    assertThat(rayJobs("train.py", "/models/" + model + "/")).extracting(job -> job.path("status").asText()).containsExactly("RUNNING");

    assertThat(api.post("/api/models/" + model + "/cancel", token, Map.of()).status()).isLessThan(300);

    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "CANCELLED", JOB);
    Polling.until(
        () -> api.get("/api/models/" + model + "/status", token),
        json -> rayJobs("train.py", "/models/" + model + "/").stream().allMatch(job -> job.path("status").asText().equals("STOPPED")), Duration.ofMinutes(1));
  }

  /** The cluster's jobs whose entrypoint runs {@code script} on a path containing {@code pathPart}. */
  private static List<JsonNode> rayJobs(String script, String pathPart) {
    return StreamSupport.stream(dashboard("/api/jobs/").spliterator(), false)
        .filter(job -> job.path("entrypoint").asText().contains("/" + script + "'") && job.path("entrypoint").asText().contains(pathPart))
        .toList();
  }

  /** The engine's "completed" event line in a Ray job's output. */
  private static JsonNode completedEvent(JsonNode job) throws IOException {
    String logs = dashboard("/api/jobs/" + job.path("submission_id").asText() + "/logs").path("logs").asText();
    for (String line : logs.lines().toList()) {
      if (line.startsWith("{") && line.contains("\"event\": \"completed\"")) {
        return JSON.readTree(line);
      }
    }
    throw new AssertionError("the job's output has no completed event:\n" + logs);
  }

  private static JsonNode dashboard(String path) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cluster().dashboard() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("the Ray cluster did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
