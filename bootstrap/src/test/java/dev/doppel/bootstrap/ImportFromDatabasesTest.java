package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.adapter.database.JdbcExternalDatabases;
import dev.doppel.adapter.database.Lahman;
import dev.doppel.adapter.persistence.support.MariaDbServer;
import dev.doppel.adapter.persistence.support.PostgreSqlServer;
import dev.doppel.application.port.out.ExternalDatabases.WriteOptions;
import dev.doppel.bootstrap.Api.Reply;
import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.DatabaseKind;
import dev.doppel.domain.connection.DatabasePassword;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The four Lahman tables loaded into real MariaDB and PostgreSQL servers (with their keys), then
 * imported through the API: every row arrives as a dataset, the database's foreign keys become the
 * project's relationships, and the proposal finds the same links from the contents alone.
 */
class ImportFromDatabasesTest extends FullStackTest {
  static final List<String> LINKS =
      List.of("TeamsFranchises(franchID) ← Teams(franchID)", "People(playerID) ← Salaries(playerID)", "Teams(yearID, teamID) ← Salaries(yearID, teamID)");

  String token;

  @BeforeEach
  void signUp() {
    token = api.signUp(unique("importer"));
  }

  @Test
  void importsTheLahmanTablesWithTheirKeysFromMariaDb() {
    MariaDbServer server = MariaDbServer.shared();
    String database = "lahman_source";
    server.freshDatabase(database);
    ConnectionDetails details = new ConnectionDetails(DatabaseKind.MARIADB, "127.0.0.1", server.port(), database, server.username(), DatabasePassword.of(server.password()));
    importsEverything(details, database, "mariadb");
  }

  @Test
  void importsTheLahmanTablesWithTheirKeysFromPostgreSql() {
    PostgreSqlServer server = PostgreSqlServer.shared();
    String database = "lahman_source";
    server.freshDatabase(database);
    ConnectionDetails details =
        new ConnectionDetails(DatabaseKind.POSTGRESQL, "127.0.0.1", server.port(), database, server.username(), DatabasePassword.of(server.password()));
    importsEverything(details, "public", "postgresql");
  }

  private void importsEverything(ConnectionDetails details, String schema, String kind) {
    new JdbcExternalDatabases().write(details, schema, Lahman.fromFiles(), new WriteOptions(false, false));
    long project = api.createProject(token, "Lahman from " + kind);
    Map<String, Object> connection = new HashMap<>(Map.of(
        "name", "Lahman " + kind, "kind", kind, "host", details.host(), "port", details.port(), "database", details.database(),
        "username", details.username(), "password", details.password().reveal()));
    Reply created = api.post("/api/projects/" + project + "/connections", token, connection);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().get("id").asLong();

    Reply test = api.post("/api/connections/" + id + "/test", token, Map.of());
    assertThat(test.status()).as(test.toString()).isEqualTo(200);
    assertThat(strings(api.get("/api/connections/" + id + "/schemas", token).json())).contains(schema);
    JsonNode tables = api.get("/api/connections/" + id + "/tables?schema=" + schema, token).json();
    assertThat(tables).hasSize(4);

    Reply imported = api.post("/api/connections/" + id + "/import", token, Map.of("schema", schema));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    Map<String, Long> rows = new HashMap<>();
    imported.json().get("datasets").forEach(d -> rows.put(d.get("name").asText(), d.get("rowCount").asLong()));
    assertThat(rows).isEqualTo(Lahman.ROWS);
    assertThat(imported.json().get("relationships")).hasSize(3);
    assertThat(imported.json().get("notDeclared")).isEmpty();

    JsonNode relationships = api.get("/api/projects/" + project + "/schema", token).json().get("relationships");
    assertThat(links(relationships)).containsExactlyInAnyOrderElementsOf(LINKS);
    for (JsonNode r : relationships) {
      assertThat(api.delete("/api/projects/" + project + "/schema/relationships/" + r.get("id").asLong(), token).status()).isEqualTo(204);
    }
    assertThat(links(api.get("/api/projects/" + project + "/schema/proposal", token).json())).containsExactlyInAnyOrderElementsOf(LINKS);
  }

  private static List<String> links(JsonNode relationships) {
    List<String> links = new ArrayList<>();
    relationships.forEach(r -> links.add(
        r.get("parentTable").asText() + "(" + String.join(", ", strings(r.get("parentColumns"))) + ") ← "
            + r.get("childTable").asText() + "(" + String.join(", ", strings(r.get("childColumns"))) + ")"));
    return links;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
