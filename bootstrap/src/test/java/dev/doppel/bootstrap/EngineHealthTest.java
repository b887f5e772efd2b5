package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** /actuator/health reports the Python engine as its component "engine", with the reason when it is down. */
class EngineHealthTest {
  @TempDir Path dir;

  private ConfigurableApplicationContext start(Path python, Path engineDirectory) {
    return new SpringApplicationBuilder(DoppelApplication.class)
        .run(
            "--server.port=0", "--doppel.data-dir=" + dir.resolve("data"), "--doppel.security.jwt-secret=", "--doppel.engine.adapter=python",
            "--doppel.engine.python=" + python, "--doppel.engine.directory=" + engineDirectory, "--management.endpoint.health.show-details=always");
  }

  private static Api.Reply health(ConfigurableApplicationContext app) {
    return new Api(((WebServerApplicationContext) app).getWebServer().getPort()).get("/actuator/health", null);
  }

  @Test
  void engineIsDownNamingTheMissingPython() {
    try (ConfigurableApplicationContext app = start(dir.resolve("no-such-venv/bin/python"), dir)) {
      Api.Reply health = health(app);

      assertThat(health.status()).isEqualTo(503);
      JsonNode engine = health.json().path("components").path("engine");
      assertThat(engine.path("status").asText()).isEqualTo("DOWN");
      assertThat(engine.path("details").path("reason").asText()).contains("the engine's Python was not found at").contains("no-such-venv");
    }
  }

  @Test
  void engineIsDownWhenItsCatalogueCannotBeRead() throws IOException {
    Path engine = engineWith("import sys\nprint('ImportError: no module named sdv', file=sys.stderr)\nsys.exit(1)\n");
    try (ConfigurableApplicationContext app = start(Path.of(python()), engine)) {
      JsonNode component = health(app).json().path("components").path("engine");

      assertThat(component.path("status").asText()).isEqualTo("DOWN");
      assertThat(component.path("details").path("reason").asText()).startsWith("the algorithm catalogue could not be read");
    }
  }

  @Test
  void engineIsUpListingTheAlgorithmsOfItsCatalogue() throws IOException {
    Path engine = engineWith("""
        import json
        print(json.dumps({"algorithms": [{"name": "GaussianCopula", "library": "sdv", "licence": "BUSL-1.1", "settings": []},
                                         {"name": "TabularARGN", "library": "mostlyai-engine", "licence": "Apache-2.0", "settings": []}]}))
        """);
    try (ConfigurableApplicationContext app = start(Path.of(python()), engine)) {
      Api.Reply health = health(app);

      assertThat(health.status()).isEqualTo(200);
      JsonNode component = health.json().path("components").path("engine");
      assertThat(component.path("status").asText()).isEqualTo("UP");
      assertThat(component.path("details").path("algorithms")).extracting(JsonNode::asText).containsExactly("GaussianCopula", "TabularARGN");
    }
  }

  private Path engineWith(String describe) throws IOException {
    Path engine = Files.createDirectories(dir.resolve("engine"));
    Files.writeString(engine.resolve("train.py"), "raise SystemExit(1)\n");
    Files.writeString(engine.resolve("describe.py"), describe);
    return engine;
  }

  private static String python() {
    for (String candidate : new String[] {"/usr/bin/python3", "/usr/local/bin/python3"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new AssertionError("python3 is needed to stand in for the engine");
  }
}
