package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills the application with SIGKILL mid-training, starts it again, and checks what it recovers. */
class CrashRecoveryTest {
  @TempDir Path dataDir;
  ApplicationProcess app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private Api start(int port) throws IOException {
    app = ApplicationProcess.start("384m", port, dataDir, dataDir.resolve("app-" + System.nanoTime() + ".log"));
    return new Api(port);
  }

  @Test
  void aJobRunningWhenTheAppWasKilledEndsFailedAndQueuedJobsStillRun() throws Exception {
    int port = ApplicationProcess.freePort();
    Api api = start(port);
    String token = api.signUp("crashy");
    long project = api.createProject(token, "Crash");
    long dataset = api.upload(token, project, SampleTables.file("penguins.csv")).json().get("id").asLong();
    long hanging = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "TestHang")).json().get("id").asLong();
    long queued = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula")).json().get("id").asLong();
    Polling.untilStatus(api, "/api/models/" + hanging + "/status", token, "TRAINING", Duration.ofSeconds(30));
    Polling.until(() -> api.get("/api/models/" + hanging + "/status", token), json -> json.path("progress").path("epoch").asInt() >= 2, Duration.ofSeconds(30));
    assertThat(api.get("/api/models/" + queued + "/status", token).json().get("status").asText()).isEqualTo("PENDING");

    app.close();

    Api restarted = start(port);
    JsonNode interrupted = Polling.untilStatus(restarted, "/api/models/" + hanging + "/status", token, "FAILED", Duration.ofSeconds(30));
    assertThat(interrupted.get("error").asText()).isEqualTo("interrupted by restart");
    Polling.untilStatus(restarted, "/api/models/" + queued + "/status", token, "COMPLETED", Duration.ofSeconds(60));
  }
}
