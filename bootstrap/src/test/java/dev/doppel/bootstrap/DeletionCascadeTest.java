package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.bootstrap.Api.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting a project, a dataset or a model first stops its jobs, then removes its rows and every
 * one of its files. The test engine's one generation worker and one evaluation worker prove the
 * stop: jobs queued behind the hanging ones only finish once those were cancelled.
 */
class DeletionCascadeTest extends FullStackTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  String token;

  @BeforeEach
  void signUp() {
    token = api.signUp(unique("cascade"));
  }

  /** A project with one dataset whose model's evaluation and one generation hang until cancelled. */
  record Hanging(long project, long dataset, long model, long batch) {}

  private Hanging hangingGeneration() {
    long project = api.createProject(token, "Doomed");
    long dataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
    Reply accepted = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "TestScripted", "epochs", 1, "settings", Map.of("script", "hang_in_generation")));
    long model = accepted.json().get("id").asLong();
    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", WAIT);
    long batch = api.post("/api/generate", token, Map.of("modelId", model, "count", 10)).json().get("id").asLong();
    Polling.untilStatus(api, "/api/synthetic/" + batch, token, "GENERATING", WAIT);
    Polling.untilStatus(api, "/api/models/" + model + "/evaluation", token, "RUNNING", WAIT);
    assertThat(storedFiles()).anyMatch(f -> f.startsWith("projects/" + project + "/models/" + model + "/batches/"));
    return new Hanging(project, dataset, model, batch);
  }

  /** A trained model elsewhere, whose generation and evaluation queue behind the hanging ones. */
  private List<String> queueBehind() {
    long project = api.createProject(token, "Kept");
    long dataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
    long model = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula")).json().get("id").asLong();
    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", WAIT);
    long batch = api.post("/api/generate", token, Map.of("modelId", model, "count", 10)).json().get("id").asLong();
    return List.of("/api/synthetic/" + batch, "/api/models/" + model + "/evaluation");
  }

  private void assertStoppedAndGone(Hanging doomed, List<String> queued, String ownPrefix) {
    for (String job : queued) {
      Polling.untilStatus(api, job, token, "COMPLETED", WAIT);
    }
    assertThat(api.get("/api/models/" + doomed.model(), token).status()).isEqualTo(404);
    assertThat(api.get("/api/synthetic/" + doomed.batch(), token).status()).isEqualTo(404);
    assertThat(storedFiles()).noneMatch(f -> f.startsWith(ownPrefix));
  }

  @Test
  void deletingADatasetWhoseModelIsGeneratingStopsItsJobsAndLeavesNoFileOfIt() {
    Hanging doomed = hangingGeneration();
    List<String> queued = queueBehind();

    assertThat(api.delete("/api/datasets/" + doomed.dataset(), token).status()).isEqualTo(204);

    assertThat(api.get("/api/datasets/" + doomed.dataset(), token).status()).isEqualTo(404);
    assertThat(api.get("/api/projects/" + doomed.project(), token).status()).isEqualTo(200);
    // The project held only this dataset, so nothing at all may remain under its folder.
    assertStoppedAndGone(doomed, queued, "projects/" + doomed.project() + "/");
  }

  @Test
  void deletingAProjectWhoseModelIsGeneratingStopsItsJobsAndLeavesNoFileOfIt() {
    Hanging doomed = hangingGeneration();
    List<String> queued = queueBehind();

    assertThat(api.delete("/api/projects/" + doomed.project(), token).status()).isEqualTo(204);

    assertThat(api.get("/api/projects/" + doomed.project(), token).status()).isEqualTo(404);
    assertStoppedAndGone(doomed, queued, "projects/" + doomed.project() + "/");
  }

  @Test
  void deletingAModelThatIsGeneratingStopsItsJobsAndLeavesNoFileOfIt() {
    Hanging doomed = hangingGeneration();
    List<String> queued = queueBehind();

    assertThat(api.delete("/api/models/" + doomed.model(), token).status()).isEqualTo(204);

    assertStoppedAndGone(doomed, queued, "projects/" + doomed.project() + "/models/");
    assertThat(storedFiles()).anyMatch(f -> f.startsWith("projects/" + doomed.project() + "/datasets/"));
  }

  @Test
  void deletingADatasetCancelsItsRunningAndQueuedTrainings() {
    long project = api.createProject(token, "Trainings");
    long dataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
    long running = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "TestHang")).json().get("id").asLong();
    long queued = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "TestHang")).json().get("id").asLong();
    Polling.untilStatus(api, "/api/models/" + running + "/status", token, "TRAINING", WAIT);
    long otherDataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
    long behind = api.post("/api/models/train", token, Map.of("datasetId", otherDataset, "algorithm", "GaussianCopula")).json().get("id").asLong();

    assertThat(api.delete("/api/datasets/" + dataset, token).status()).isEqualTo(204);

    Polling.untilStatus(api, "/api/models/" + behind + "/status", token, "COMPLETED", WAIT);
    assertThat(api.get("/api/models/" + running, token).status()).isEqualTo(404);
    assertThat(api.get("/api/models/" + queued, token).status()).isEqualTo(404);
    assertThat(storedFiles()).noneMatch(f -> f.contains("/models/" + running + "/") || f.contains("/models/" + queued + "/"));
  }
}
