package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The default setup keeps users, projects, datasets and the signing key across a restart. */
class RestartTest {

  private static ConfigurableApplicationContext start(Path dataDir) {
    return new SpringApplicationBuilder(DoppelApplication.class)
        .run("--server.port=0", "--doppel.data-dir=" + dataDir, "--doppel.security.jwt-secret=", "--doppel.engine.adapter=test");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @Test
  void usersProjectsDatasetsAndTokensSurviveARestart(@TempDir Path dataDir) {
    String token;
    long project;
    long dataset;
    try (ConfigurableApplicationContext first = start(dataDir)) {
      Api api = new Api(port(first));
      token = api.signUp("survivor");
      project = api.createProject(token, "Kept");
      dataset = api.upload(token, project, "t.csv", "a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8)).json().get("id").asLong();
    }
    assertThat(dataDir.resolve("jwt-signing.key")).exists();
    assertThat(Files.exists(dataDir.resolve("db"))).isTrue();

    try (ConfigurableApplicationContext second = start(dataDir)) {
      Api api = new Api(port(second));
      assertThat(api.get("/api/projects/" + project, token).status()).isEqualTo(200);
      assertThat(api.get("/api/datasets/" + dataset + "/preview", token).json().get("rows")).hasSize(2);
      assertThat(api.login("survivor", "a long enough password")).isNotBlank();
    }
  }

  @Test
  void aTokenEndedByLogoutStaysRefusedAfterARestart(@TempDir Path dataDir) {
    String revoked;
    try (ConfigurableApplicationContext first = start(dataDir)) {
      Api api = new Api(port(first));
      revoked = api.signUp("leaver");
      assertThat(api.post("/api/auth/logout", revoked, "").status()).isEqualTo(204);
    }

    try (ConfigurableApplicationContext second = start(dataDir)) {
      Api api = new Api(port(second));
      assertThat(api.get("/api/projects", revoked).status()).isEqualTo(401);
      assertThat(api.get("/api/projects", api.login("leaver", "a long enough password")).status()).isEqualTo(200);
    }
  }
}
