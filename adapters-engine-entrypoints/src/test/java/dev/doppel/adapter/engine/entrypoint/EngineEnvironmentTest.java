package dev.doppel.adapter.engine.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineEnvironmentTest {
  @Test
  void passesTheEnginesKnobsOnAndKeepsTheApplicationsSecretsBack() {
    Map<String, String> application =
        Map.of(
            "PATH", "/usr/bin",
            "LC_ALL", "C.UTF-8",
            "CUDA_VISIBLE_DEVICES", "0",
            "DOPPEL_ENGINE_DEVICE", "cpu",
            "DOPPEL_JWT_SECRET", "c2VjcmV0",
            "DOPPEL_CONNECTIONS_SECRET_KEY", "a2V5",
            "SPRING_DATASOURCE_PASSWORD", "hunter2");

    Map<String, String> engine = EngineEnvironment.of(application, 2);

    assertThat(engine)
        .containsEntry("PATH", "/usr/bin")
        .containsEntry("LC_ALL", "C.UTF-8")
        .containsEntry("CUDA_VISIBLE_DEVICES", "0")
        .containsEntry("DOPPEL_ENGINE_DEVICE", "cpu")
        .containsEntry("DOPPEL_THREADS", "2")
        .containsEntry("PYTHONUNBUFFERED", "1")
        .doesNotContainKeys("DOPPEL_JWT_SECRET", "DOPPEL_CONNECTIONS_SECRET_KEY", "SPRING_DATASOURCE_PASSWORD");
  }
}
