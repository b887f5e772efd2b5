package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.adapter.persistence.support.MariaDbServer;
import dev.doppel.adapter.persistence.support.PostgreSqlServer;
import dev.doppel.bootstrap.Api.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A synthetic Lahman database, trained and generated once on the test engine, written into empty
 * MariaDB and PostgreSQL databases through the API (foreign-key checks on) and downloaded as a SQL
 * script of each dialect that loads into another empty database of that server: row counts are the
 * batch's, every foreign key is declared and resolves, a second write is refused naming the table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseExportTest extends FullStackTest {
  /** Each child's foreign keys, as the relationships declare them: child, its columns, parent, the parent's key. */
  static final List<List<Object>> LINKS = List.of(
      List.of("Teams", List.of("franchID"), "TeamsFranchises", List.of("franchID")),
      List.of("Salaries", List.of("playerID"), "People", List.of("playerID")),
      List.of("Salaries", List.of("yearID", "teamID"), "Teams", List.of("yearID", "teamID")));

  String token;
  long project;
  long batch;
  /** Rows per table, as the batch counts them. */
  Map<String, Long> rows = new LinkedHashMap<>();

  @BeforeAll
  void generateALahmanDatabase() {
    Api api = new Api(port);
    token = api.signUp(unique("exporter"));
    project = api.createProject(token, "Lahman export");
    Map<String, Long> datasets = new HashMap<>();
    for (String table : DatabaseJourneyTest.TABLES) {
      datasets.put(table, api.upload(token, project, SampleTables.file("lahman/" + table + ".csv")).json().get("id").asLong());
    }
    for (List<Object> link : LINKS) {
      Reply declared = api.post("/api/projects/" + project + "/schema/relationships", token, Map.of(
          "parentDatasetId", datasets.get(link.get(2)), "parentColumns", link.get(3), "childDatasetId", datasets.get(link.get(0)), "childColumns", link.get(1)));
      assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
    }
    long model = api.post("/api/projects/" + project + "/database-models", token, Map.of("algorithm", "TestScripted", "settings", Map.of("epochs", 1)))
        .json().get("id").asLong();
    Polling.untilStatus(api, "/api/database-models/" + model, token, "COMPLETED", DatabaseJourneyTest.JOB);
    batch = api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", 0.5, "seed", 3)).json().get("id").asLong();
    JsonNode generated = Polling.untilStatus(api, "/api/database-batches/" + batch, token, "COMPLETED", DatabaseJourneyTest.JOB);
    generated.get("tables").forEach(t -> rows.put(t.get("table").asText(), t.get("rows").asLong()));
    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(DatabaseJourneyTest.TABLES);
  }

  @Test
  void writesIntoAnEmptyMariaDbDatabaseAndItsMysqlScriptLoadsTheSame() throws SQLException {
    MariaDbServer server = MariaDbServer.shared();
    writesAndLoads(new Target("mariadb", "mysql", server.port(), server.username(), server.password(), server::freshDatabase, database -> database, '`'));
  }

  @Test
  void writesIntoAnEmptyPostgreSqlDatabaseAndItsPostgresqlScriptLoadsTheSame() throws SQLException {
    PostgreSqlServer server = PostgreSqlServer.shared();
    writesAndLoads(new Target("postgresql", "postgresql", server.port(), server.username(), server.password(), server::freshDatabase, database -> "public", '"'));
  }

  /**
   * A test server and how to reach a fresh database of it.
   *
   * @param freshDatabase makes the database empty and answers its JDBC URL
   * @param schemaOf the schema the tables go to in a database
   */
  record Target(String kind, String dialect, int port, String username, String password, UnaryOperator<String> freshDatabase, UnaryOperator<String> schemaOf,
      char quote) {
    Connection open(String url) throws SQLException {
      return DriverManager.getConnection(url, username, password);
    }
  }

  private void writesAndLoads(Target target) throws SQLException {
    String written = target.freshDatabase().apply("export_target");
    String loaded = target.freshDatabase().apply("export_script");
    long connection = connection(target.kind(), target.port(), "export_target", target.username(), target.password());

    exportsIntoTheDatabase(connection, target, written, target.schemaOf().apply("export_target"));
    loadsTheScript(target, loaded, target.schemaOf().apply("export_script"));
  }

  @Test
  void downloadsParquetAsAZipOfOneFilePerTableAndRefusesAnUnknownFormatOrDialectNamingIt() throws IOException {
    HttpResponse<byte[]> parquet = api.download("/api/database-batches/" + batch + "/download?format=parquet", token);

    assertThat(parquet.statusCode()).isEqualTo(200);
    Map<String, byte[]> entries = unzip(parquet.body());
    assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(DatabaseJourneyTest.TABLES.stream().map(t -> t + ".parquet").toList());
    assertThat(entries.values()).allSatisfy(file -> assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1"));
    HttpResponse<byte[]> script = api.download("/api/database-batches/" + batch + "/download?format=sql", token);
    assertThat(script.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("database-batch-" + batch + ".sql"));
    assertThat(new String(script.body(), StandardCharsets.UTF_8)).startsWith("SET NAMES utf8mb4;\n");
    for (String[] bad : new String[][] {{"format=json", "format"}, {"format=xlsx", "format"}, {"format=sql&dialect=oracle", "dialect"}}) {
      Reply refused = api.get("/api/database-batches/" + batch + "/download?" + bad[0], token);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().get("field").asText()).isEqualTo(bad[1]);
    }
  }

  @Test
  void anotherUsersBatchOrConnectionIsNotFoundAndAnUnreachableDatabaseIsUnusable() {
    long own = connection("mariadb", DatabaseConnectionsTest.closedPort(), "shop", "writer", "");
    String stranger = api.signUp(unique("stranger"));
    long strangers = api.createProject(stranger, "Elsewhere");
    Reply theirs = api.post("/api/projects/" + strangers + "/connections", stranger, Map.of(
        "name", "Theirs", "kind", "mariadb", "host", "127.0.0.1", "database", "shop", "username", "writer"));
    long foreign = theirs.json().get("id").asLong();

    assertThat(api.post("/api/database-batches/" + batch + "/export", stranger, Map.of("connectionId", own, "schema", "shop")).status()).isEqualTo(404);
    assertThat(api.download("/api/database-batches/" + batch + "/download?format=sql", stranger).statusCode()).isEqualTo(404);
    Reply foreignConnection = api.post("/api/database-batches/" + batch + "/export", token, Map.of("connectionId", foreign, "schema", "shop"));
    assertThat(foreignConnection.status()).as(foreignConnection.toString()).isEqualTo(404);
    assertThat(foreignConnection.json().get("field").asText()).isEqualTo("connectionId");
    Reply noSchema = api.post("/api/database-batches/" + batch + "/export", token, Map.of("connectionId", own));
    assertThat(noSchema.status()).isEqualTo(400);
    assertThat(noSchema.json().get("field").asText()).isEqualTo("schema");
    Reply unreachable = api.post("/api/database-batches/" + batch + "/export", token, Map.of("connectionId", own, "schema", "shop"));
    assertThat(unreachable.status()).as(unreachable.toString()).isEqualTo(422);
    assertThat(unreachable.json().get("reason").asText()).isEqualTo("unreachable");
  }

  private long connection(String kind, int port, String database, String username, String password) {
    Reply created = api.post("/api/projects/" + project + "/connections", token, Map.of(
        "name", "Target " + database, "kind", kind, "host", "127.0.0.1", "port", port, "database", database, "username", username, "password", password));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private void exportsIntoTheDatabase(long connection, Target target, String url, String schema) throws SQLException {
    String path = "/api/database-batches/" + batch + "/export";
    Reply dryRun = api.post(path, token, Map.of("connectionId", connection, "schema", schema, "dryRun", true));
    assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
    assertThat(dryRun.json().get("dryRun").asBoolean()).isTrue();
    List<String> ddl = new ArrayList<>();
    dryRun.json().get("ddl").forEach(statement -> ddl.add(statement.asText()));
    assertThat(ddl).hasSize(4).allSatisfy(statement -> assertThat(statement).startsWith("CREATE TABLE"));
    assertThat(ddl.stream().filter(statement -> statement.contains("FOREIGN KEY")).count()).isEqualTo(2);
    dryRun.json().get("rowsWritten").forEach(count -> assertThat(count.asLong()).isZero());
    try (Connection jdbc = target.open(url)) {
      assertThat(foreignKeys(jdbc, schema)).as("a dry run creates nothing").isZero();
      assertThat(tables(jdbc, schema)).isZero();
    }

    Reply written = api.post(path, token, Map.of("connectionId", connection, "schema", schema));
    assertThat(written.status()).as(written.toString()).isEqualTo(200);
    assertThat(written.json().get("dryRun").asBoolean()).isFalse();
    rows.forEach((table, count) -> assertThat(written.json().get("rowsWritten").get(table).asLong()).as(table).isEqualTo(count));
    try (Connection jdbc = target.open(url)) {
      holdsTheBatch(jdbc, schema, target.quote());
    }

    Reply again = api.post(path, token, Map.of("connectionId", connection, "schema", schema));
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.contentType()).contains("application/problem+json");
    assertThat(again.json().get("table").asText()).isIn(DatabaseJourneyTest.TABLES);
    assertThat(again.json().get("detail").asText()).contains(again.json().get("table").asText(), "already holds rows");
  }

  private void loadsTheScript(Target target, String url, String schema) throws SQLException {
    HttpResponse<byte[]> download = api.download("/api/database-batches/" + batch + "/download?format=sql&dialect=" + target.dialect(), token);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/sql"));
    String script = new String(download.body(), StandardCharsets.UTF_8);
    try (Connection jdbc = target.open(url)) {
      // Every statement is on a line of its own, as SqlScriptTest checks; foreign-key checks are on, as a new session has them.
      try (Statement statement = jdbc.createStatement()) {
        for (String line : script.split("\n")) {
          if (!line.isEmpty() && !line.startsWith("-- ")) {
            statement.execute(line);
          }
        }
      }
      holdsTheBatch(jdbc, schema, target.quote());
    }
  }

  /** The batch's rows in every table, the three foreign keys declared, and none of them naming a missing parent. */
  private void holdsTheBatch(Connection jdbc, String schema, char quote) throws SQLException {
    for (Map.Entry<String, Long> table : rows.entrySet()) {
      assertThat(count(jdbc, "SELECT COUNT(*) FROM " + quote + table.getKey() + quote)).as(table.getKey()).isEqualTo(table.getValue());
    }
    assertThat(foreignKeys(jdbc, schema)).isEqualTo(LINKS.size());
    for (List<Object> link : LINKS) {
      @SuppressWarnings("unchecked")
      List<String> childColumns = (List<String>) link.get(1);
      @SuppressWarnings("unchecked")
      List<String> parentColumns = (List<String>) link.get(3);
      StringBuilder join = new StringBuilder();
      for (int i = 0; i < childColumns.size(); i++) {
        join.append(i > 0 ? " AND " : "").append("c.").append(quote).append(childColumns.get(i)).append(quote)
            .append(" = p.").append(quote).append(parentColumns.get(i)).append(quote);
      }
      String orphans = "SELECT COUNT(*) FROM " + quote + link.get(0) + quote + " c LEFT JOIN " + quote + link.get(2) + quote + " p ON " + join
          + " WHERE p." + quote + parentColumns.get(0) + quote + " IS NULL";
      assertThat(count(jdbc, orphans)).as("children of " + link.get(0) + " naming no " + link.get(2)).isZero();
    }
  }

  private static long foreignKeys(Connection jdbc, String schema) throws SQLException {
    try (PreparedStatement query = jdbc.prepareStatement(
        "SELECT COUNT(*) FROM information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY' AND table_schema = ?")) {
      query.setString(1, schema);
      return count(query);
    }
  }

  private static long tables(Connection jdbc, String schema) throws SQLException {
    try (PreparedStatement query = jdbc.prepareStatement("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?")) {
      query.setString(1, schema);
      return count(query);
    }
  }

  private static long count(Connection jdbc, String sql) throws SQLException {
    try (PreparedStatement query = jdbc.prepareStatement(sql)) {
      return count(query);
    }
  }

  private static long count(PreparedStatement query) throws SQLException {
    try (ResultSet result = query.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
