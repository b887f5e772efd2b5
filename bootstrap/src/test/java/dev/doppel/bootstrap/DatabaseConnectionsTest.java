package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A project's database connections: stored without ever answering the password, isolated per user, refused clearly. */
class DatabaseConnectionsTest extends FullStackTest {
  static final String PASSWORD = "never-shown-Ω";
  String token;

  @BeforeEach
  void signUp() {
    token = api.signUp(unique("connections"));
  }

  @Test
  void keepsConnectionsPerProjectWithoutAnsweringThePasswordAndHidesThemFromOthers() {
    long project = api.createProject(token, "Warehouse");
    Reply created = create(project, Map.of("name", "Reporting replica", "kind", "postgresql", "host", "db.internal", "database", "warehouse",
        "username", "reader", "password", PASSWORD));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("password");
    JsonNode connection = created.json();
    assertThat(connection.get("port").asInt()).isEqualTo(5432);
    assertThat(connection.get("kind").asText()).isEqualTo("postgresql");
    long id = connection.get("id").asLong();

    assertThat(api.get("/api/projects/" + project + "/connections", token).json()).hasSize(1);
    assertThat(api.get("/api/connections/" + id, token).body()).doesNotContain(PASSWORD);

    String stranger = api.signUp(unique("stranger"));
    for (String path : new String[] {"/api/connections/" + id, "/api/connections/" + id + "/schemas", "/api/projects/" + project + "/connections"}) {
      assertThat(api.get(path, stranger).status()).as(path).isEqualTo(404);
    }
    assertThat(api.post("/api/connections/" + id + "/test", stranger, Map.of()).status()).isEqualTo(404);
    assertThat(api.post("/api/connections/" + id + "/import", stranger, Map.of("schema", "public")).status()).isEqualTo(404);
    assertThat(api.delete("/api/connections/" + id, stranger).status()).isEqualTo(404);

    assertThat(api.delete("/api/connections/" + id, token).status()).isEqualTo(204);
    assertThat(api.get("/api/connections/" + id, token).status()).isEqualTo(404);
  }

  @Test
  void aServerThatDoesNotAnswerIsUnusableNotAnError() {
    long project = api.createProject(token, "Nowhere");
    long id = create(project, Map.of("name", "Closed port", "kind", "mariadb", "host", "127.0.0.1", "port", closedPort(), "database", "shop",
        "username", "root", "password", PASSWORD)).json().get("id").asLong();

    Reply test = api.post("/api/connections/" + id + "/test", token, Map.of());

    assertThat(test.status()).as(test.toString()).isEqualTo(422);
    assertThat(test.json().get("reason").asText()).isEqualTo("unreachable");
    assertThat(test.body()).doesNotContain(PASSWORD);
  }

  @Test
  void refusesMalformedConnectionsNamingTheField() {
    long project = api.createProject(token, "Typos");
    Map<String, Object> good = Map.of("name", "Shop", "kind", "mariadb", "host", "db", "database", "shop", "username", "u");
    assertThat(fieldOfRefusal(project, with(good, "kind", "oracle"))).isEqualTo("kind");
    assertThat(fieldOfRefusal(project, with(good, "host", "db/../x"))).isEqualTo("host");
    assertThat(fieldOfRefusal(project, with(good, "port", 70000))).isEqualTo("port");
    assertThat(fieldOfRefusal(project, with(good, "database", " "))).isEqualTo("database");
    assertThat(fieldOfRefusal(project, with(good, "name", ""))).isEqualTo("name");
    assertThat(api.get("/api/projects/" + project + "/connections", token).json()).isEmpty();
  }

  private Reply create(long project, Map<String, Object> body) {
    return api.post("/api/projects/" + project + "/connections", token, body);
  }

  private String fieldOfRefusal(long project, Map<String, Object> body) {
    Reply refused = create(project, body);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    return refused.json().get("field").asText();
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> changed = new HashMap<>(base);
    changed.put(key, value);
    return changed;
  }

  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
