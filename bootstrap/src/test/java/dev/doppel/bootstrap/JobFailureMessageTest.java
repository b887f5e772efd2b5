package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import dev.doppel.bootstrap.testengine.TestSynthesisEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An engine error five times longer than a job's error column still ends the job, shortened, with the full text kept in a log. */
class JobFailureMessageTest extends FullStackTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final int ERROR_COLUMN = 2000;
  String token;
  long project;
  long dataset;

  @BeforeEach
  void uploadPenguins() {
    token = api.signUp(unique("failures"));
    project = api.createProject(token, "Failures");
    dataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
  }

  private long trainScripted(String script) {
    Reply accepted = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "TestScripted", "epochs", 1, "settings", Map.of("script", script)));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return accepted.json().get("id").asLong();
  }

  @Test
  void aTrainingFailingWithATenThousandCharacterMessageEndsFailedWithItShortened() throws IOException {
    long model = trainScripted("fail_long_in_training");

    JsonNode failed = Polling.untilStatus(api, "/api/models/" + model + "/status", token, "FAILED", WAIT);

    assertShortened(failed.get("error").asText());
    assertThat(fullText("models/" + model + "/training-failure.log")).isEqualTo(TestSynthesisEngine.LONG_FAILURE);
    assertThat(api.delete("/api/models/" + model, token).status()).isEqualTo(204);
    assertThat(storedFiles()).noneMatch(f -> f.contains("/models/" + model + "/"));
  }

  @Test
  void aGenerationFailingWithATenThousandCharacterMessageEndsFailedWithItShortened() throws IOException {
    long model = trainScripted("fail_long_in_generation");
    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", WAIT);
    long batch = api.post("/api/generate", token, Map.of("modelId", model, "count", 10)).json().get("id").asLong();

    JsonNode failed = Polling.untilStatus(api, "/api/synthetic/" + batch, token, "FAILED", WAIT);

    assertShortened(failed.get("error").asText());
    assertThat(fullText("models/" + model + "/batches/" + batch + "-failure.log")).isEqualTo(TestSynthesisEngine.LONG_FAILURE);
    assertThat(api.delete("/api/synthetic/" + batch, token).status()).isEqualTo(204);
    assertThat(storedFiles()).noneMatch(f -> f.contains("/models/" + model + "/batches/" + batch));
  }

  @Test
  void anEvaluationFailingWithATenThousandCharacterMessageEndsFailedWithItShortened() throws IOException {
    long model = trainScripted("fail_long_in_evaluation");
    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", WAIT);

    JsonNode failed = Polling.untilStatus(api, "/api/models/" + model + "/evaluation", token, "FAILED", WAIT);

    assertShortened(failed.get("error").asText());
    assertThat(fullText("models/" + model + "/evaluation-failure.log")).isEqualTo(TestSynthesisEngine.LONG_FAILURE);
  }

  private static void assertShortened(String error) {
    assertThat(error).hasSizeLessThanOrEqualTo(ERROR_COLUMN).startsWith(TestSynthesisEngine.LONG_FAILURE.substring(0, 100)).endsWith("(shortened; the full message is in the job's log)");
  }

  private String fullText(String underProject) throws IOException {
    return Files.readString(DATA_DIR.resolve("files/projects/" + project + "/" + underProject));
  }
}
