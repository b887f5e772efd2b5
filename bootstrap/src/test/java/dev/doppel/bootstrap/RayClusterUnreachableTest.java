package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With doppel.engine.adapter=ray and no cluster at the address, a training ends FAILED naming it. */
class RayClusterUnreachableTest extends FullStackTest {
  private static final String NOBODY = "http://127.0.0.1:" + closedPort();

  @DynamicPropertySource
  static void absentCluster(DynamicPropertyRegistry registry) {
    registry.add("doppel.engine.ray.address", () -> NOBODY);
  }

  @Test
  void aTrainingFailsNamingTheClusterThatDidNotAnswer() {
    String token = api.signUp(unique("no-ray"));
    long project = api.createProject(token, "Penguins nowhere");
    long dataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
    long model = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula")).json().get("id").asLong();

    JsonNode failed = Polling.untilStatus(api, "/api/models/" + model + "/status", token, "FAILED", Duration.ofMinutes(1));
    assertThat(failed.get("error").asText()).contains("the Ray cluster at " + NOBODY + " did not answer");
  }

  private static int closedPort() {
    try {
      return ApplicationProcess.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
