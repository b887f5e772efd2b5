package dev.doppel.adapter.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.out.ExternalDatabaseException;
import dev.doppel.application.port.out.ExternalDatabaseException.Reason;
import dev.doppel.application.port.out.ExternalDatabases.TableToWrite;
import dev.doppel.application.port.out.ExternalDatabases.WriteOptions;
import dev.doppel.application.port.out.ExternalDatabases.WritePlan;
import dev.doppel.application.port.out.ExternalDatabases.WriteResult;
import dev.doppel.application.port.out.NonEmptyTargetTableException;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.domain.connection.ColumnDescription;
import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.DatabasePassword;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.connection.TableDescription;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the adapter does against a real server of each kind: the Lahman tables are loaded into a
 * fresh source database with their keys once, and every test reads from it or writes into
 * databases of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExternalDatabasesContract {
  private static final String WRONG_PASSWORD = "Not-The-Password-42";

  final JdbcExternalDatabases databases = new JdbcExternalDatabases();
  ConnectionDetails source;
  String sourceSchema;
  WriteResult load;

  /** A fresh, empty database on the test server, and how to log in to it. */
  abstract ConnectionDetails freshDatabase(String name);

  /** The schema tables are written to and read from in a database made by {@link #freshDatabase}. */
  abstract String schemaOf(ConnectionDetails database);

  /** A connection of the test's own, by plain JDBC, to check what the adapter did. */
  abstract Connection connect(ConnectionDetails database) throws SQLException;

  @BeforeAll
  void loadLahman() {
    source = freshDatabase("lahman_source");
    sourceSchema = schemaOf(source);
    load = databases.write(source, sourceSchema, Lahman.fromFiles(), new WriteOptions(false, false));
  }

  @Test
  void loadsTheTablesParentsFirstWithEveryRow() throws SQLException {
    // The plan lists children first; each table goes after its parents, otherwise in the plan's order.
    assertThat(load.rowsWritten().keySet()).containsExactly("People", "TeamsFranchises", "Teams", "Salaries");
    assertThat(load.rowsWritten()).isEqualTo(Lahman.ROWS);
    for (String table : Lahman.TABLES) {
      assertThat(count(source, "SELECT COUNT(*) FROM " + table(source, table))).as(table).isEqualTo(Lahman.ROWS.get(table));
    }
    assertThat(load.ddl()).hasSize(4).allSatisfy(statement -> assertThat(statement).startsWith("CREATE TABLE "));
  }

  @Test
  void testReportsTheServerVersion() {
    assertThat(databases.test(source)).matches(".*\\d+\\.\\d+.*");
  }

  @Test
  void testWithAWrongPasswordSaysSoWithoutThePassword() {
    ConnectionDetails wrong = new ConnectionDetails(source.kind(), source.host(), source.port(), source.database(), source.username(), DatabasePassword.of(WRONG_PASSWORD));
    assertThatThrownBy(() -> databases.test(wrong))
        .isInstanceOfSatisfying(ExternalDatabaseException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
          assertThat(e.getMessage()).contains("refused user '" + source.username() + "'").contains("check the username and password");
          for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            assertThat(cause.getMessage()).doesNotContain(WRONG_PASSWORD);
            assertThat(String.valueOf(cause)).doesNotContain(WRONG_PASSWORD);
          }
        });
  }

  @Test
  void testOfAMissingDatabaseOrAnUnreachableServerSaysWhich() throws Exception {
    ConnectionDetails missing = new ConnectionDetails(source.kind(), source.host(), source.port(), "no_such_database", source.username(), source.password());
    assertThatThrownBy(() -> databases.test(missing))
        .isInstanceOfSatisfying(ExternalDatabaseException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_DATABASE);
          assertThat(e.getMessage()).contains("no database 'no_such_database'");
        });
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ConnectionDetails nowhere = new ConnectionDetails(source.kind(), "127.0.0.1", closedPort, source.database(), source.username(), source.password());
    assertThatThrownBy(() -> databases.test(nowhere))
        .isInstanceOfSatisfying(ExternalDatabaseException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
          assertThat(e.getMessage()).contains("cannot reach the " + source.kind().displayName() + " server at 127.0.0.1:" + closedPort);
        });
  }

  @Test
  void theReadOnlyConnectionCannotWrite() throws SQLException {
    try (Connection connection = databases.openReadOnly(source);
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO " + table(source, "TeamsFranchises") + " (franchID) VALUES ('ZZZ')"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM " + table(source, "Salaries"))).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> statement.execute("CREATE TABLE " + table(source, "Intruder") + " (id INTEGER)")).isInstanceOf(SQLException.class);
    }
    assertThat(count(source, "SELECT COUNT(*) FROM " + table(source, "Salaries"))).isEqualTo(Lahman.ROWS.get("Salaries"));
  }

  @Test
  void listsTheSchemasWithoutTheServersOwn() {
    List<String> schemas = databases.listSchemas(source);
    assertThat(schemas).contains(sourceSchema).doesNotContain("information_schema", "pg_catalog", "mysql", "performance_schema");
  }

  @Test
  void describesTheTablesWithTheirKeys() {
    Map<String, TableDescription> tables = databases.describe(source, sourceSchema).stream()
        .collect(Collectors.toMap(TableDescription::name, t -> t));
    assertThat(databases.describe(source, sourceSchema)).extracting(TableDescription::name).containsExactlyElementsOf(Lahman.TABLES);
    for (String name : Lahman.TABLES) {
      TableDescription table = tables.get(name);
      assertThat(table.schema()).isEqualTo(sourceSchema);
      assertThat(table.columns()).extracting(ColumnDescription::name).as(name).containsExactlyElementsOf(Lahman.header(name));
      assertThat(table.columns()).allSatisfy(column -> assertThat(column.sqlType()).isNotBlank());
    }
    assertThat(tables.get("People").primaryKey()).containsExactly("playerID");
    assertThat(tables.get("Teams").primaryKey()).containsExactly("yearID", "teamID");
    assertThat(tables.get("TeamsFranchises").primaryKey()).containsExactly("franchID");
    assertThat(tables.get("Salaries").primaryKey()).isEmpty();
    assertThat(column(tables.get("Teams"), "teamID").nullable()).isFalse();
    assertThat(column(tables.get("Teams"), "divID").nullable()).isTrue();

    assertThat(tables.get("TeamsFranchises").foreignKeys()).isEmpty();
    assertThat(tables.get("People").foreignKeys()).isEmpty();
    assertThat(tables.get("Teams").foreignKeys()).containsExactly(Lahman.TEAM_FRANCHISE);
    assertThat(tables.get("Salaries").foreignKeys()).containsExactlyInAnyOrder(Lahman.SALARY_PLAYER, Lahman.SALARY_TEAM);
  }

  @Test
  void describingAMissingSchemaSaysSo() {
    assertThatThrownBy(() -> databases.describe(source, "no_such_schema"))
        .isInstanceOfSatisfying(ExternalDatabaseException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
          assertThat(e.getMessage()).contains("no schema 'no_such_schema'");
        });
  }

  @Test
  void readsEveryRowAsText() {
    List<String> header = new ArrayList<>();
    Map<String, String[]> people = new HashMap<>();
    databases.readTable(source, sourceSchema, "People", new TableReader.RowConsumer() {
      @Override
      public void header(List<String> columnNames) {
        header.addAll(columnNames);
      }

      @Override
      public boolean row(String[] values) {
        people.put(values[header.indexOf("playerID")], values);
        return true;
      }
    });
    assertThat(header).containsExactlyElementsOf(Lahman.header("People"));
    assertThat(people).hasSize(24_270);
    String[] abreu = people.get("abreuwi01");
    assertThat(abreu[header.indexOf("birthCity")]).isEqualTo("Cotuí");
    assertThat(abreu[header.indexOf("birthState")]).isEqualTo("Sánchez Ramírez");
    assertThat(abreu[header.indexOf("nameFirst")]).isEqualTo("Winston");
    assertThat(people.get("acunalu01")[header.indexOf("nameLast")]).isEqualTo("Acuña");
    String[] aardsma = people.get("aardsda01");
    assertThat(aardsma[header.indexOf("deathYear")]).isNull();
    assertThat(aardsma[header.indexOf("birthYear")]).isEqualTo("1981");
    assertThat(aardsma[header.indexOf("debut")]).startsWith("2004-04-06");
  }

  @Test
  void aConsumerCanStopReadingEarly() {
    List<String[]> rows = new ArrayList<>();
    databases.readTable(source, sourceSchema, "Salaries", new TableReader.RowConsumer() {
      @Override
      public void header(List<String> columnNames) {}

      @Override
      public boolean row(String[] values) {
        rows.add(values);
        return rows.size() < 3;
      }
    });
    assertThat(rows).hasSize(3);
  }

  @Test
  void readingAMissingTableSaysSo() {
    assertThatThrownBy(() -> databases.readTable(source, sourceSchema, "Nope", new TableReader.RowConsumer() {
          @Override
          public void header(List<String> columnNames) {}

          @Override
          public boolean row(String[] values) {
            return true;
          }
        }))
        .isInstanceOfSatisfying(ExternalDatabaseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  /** Rows read from the source database go into an empty one with its foreign keys checked. */
  @Test
  void copiesTheTablesIntoAnEmptyDatabaseKeepingEveryForeignKey() throws SQLException {
    ConnectionDetails target = freshDatabase("lahman_copy");
    WritePlan copy = Lahman.plan(name -> consumer -> databases.readTable(source, sourceSchema, name, consumer));
    WriteResult result = databases.write(target, schemaOf(target), copy, new WriteOptions(false, false));

    assertThat(result.rowsWritten()).isEqualTo(Lahman.ROWS);
    assertForeignKeysEnforced(target);
    for (String table : Lahman.TABLES) {
      assertThat(count(target, "SELECT COUNT(*) FROM " + table(target, table))).as(table).isEqualTo(Lahman.ROWS.get(table));
    }
    assertThat(count(target, "SELECT COUNT(*) FROM " + table(target, "Teams") + " c LEFT JOIN " + table(target, "TeamsFranchises")
        + " p ON c." + q(target, "franchID") + " = p." + q(target, "franchID") + " WHERE p." + q(target, "franchID") + " IS NULL")).isZero();
    assertThat(count(target, "SELECT COUNT(*) FROM " + table(target, "Salaries") + " c LEFT JOIN " + table(target, "People")
        + " p ON c." + q(target, "playerID") + " = p." + q(target, "playerID") + " WHERE p." + q(target, "playerID") + " IS NULL")).isZero();
    assertThat(count(target, "SELECT COUNT(*) FROM " + table(target, "Salaries") + " c LEFT JOIN " + table(target, "Teams") + " p ON c."
        + q(target, "yearID") + " = p." + q(target, "yearID") + " AND c." + q(target, "teamID") + " = p." + q(target, "teamID")
        + " WHERE p." + q(target, "teamID") + " IS NULL")).isZero();
    assertThat(databases.describe(target, schemaOf(target))).filteredOn(t -> t.name().equals("Salaries")).singleElement()
        .satisfies(salaries -> assertThat(salaries.foreignKeys()).containsExactlyInAnyOrder(Lahman.SALARY_PLAYER, Lahman.SALARY_TEAM));
    assertThat(count(target, "SELECT COUNT(*) FROM " + table(target, "People") + " WHERE " + q(target, "nameLast") + " = 'Acuña'")).isPositive();
  }

  @Test
  void aDryRunReturnsTheStatementsAndWritesNothing() {
    ConnectionDetails target = freshDatabase("lahman_dry");
    WriteResult result = databases.write(target, schemaOf(target), Lahman.fromFiles(), new WriteOptions(true, false));

    assertThat(result.ddl()).hasSize(4);
    assertThat(result.ddl()).allSatisfy(statement -> assertThat(statement).startsWith("CREATE TABLE "));
    assertThat(indexOfCreate(result, "TeamsFranchises")).isLessThan(indexOfCreate(result, "Teams"));
    assertThat(indexOfCreate(result, "Teams")).isLessThan(indexOfCreate(result, "Salaries"));
    assertThat(indexOfCreate(result, "People")).isLessThan(indexOfCreate(result, "Salaries"));
    assertThat(result.ddl().get(indexOfCreate(result, "Salaries"))).contains("FOREIGN KEY (" + q(target, "yearID") + ", " + q(target, "teamID") + ") REFERENCES");
    assertThat(result.rowsWritten()).containsOnly(Map.entry("TeamsFranchises", 0L), Map.entry("Teams", 0L), Map.entry("People", 0L), Map.entry("Salaries", 0L));
    assertThat(databases.describe(target, schemaOf(target))).isEmpty();
  }

  @Test
  void refusesTablesThatHoldRowsUnlessAskedToReplaceThem() throws SQLException {
    ConnectionDetails target = freshDatabase("lahman_again");
    WritePlan franchises = new WritePlan(List.of(Lahman.fromFiles().tables().get(3)));
    databases.write(target, schemaOf(target), franchises, new WriteOptions(false, false));

    assertThatThrownBy(() -> databases.write(target, schemaOf(target), franchises, new WriteOptions(false, false)))
        .isInstanceOfSatisfying(NonEmptyTargetTableException.class, e -> {
          assertThat(e.table()).isEqualTo("TeamsFranchises");
          assertThat(e.getMessage()).contains("TeamsFranchises").contains("already holds rows");
        });
    assertThatThrownBy(() -> databases.write(target, schemaOf(target), franchises, new WriteOptions(true, false)))
        .isInstanceOf(NonEmptyTargetTableException.class);

    WriteResult replaced = databases.write(target, schemaOf(target), franchises, new WriteOptions(false, true));
    assertThat(replaced.ddl()).hasSize(2);
    assertThat(replaced.ddl().get(0)).startsWith("DROP TABLE ");
    assertThat(replaced.rowsWritten()).containsExactly(Map.entry("TeamsFranchises", 203L));
    assertThat(count(target, "SELECT COUNT(*) FROM " + table(target, "TeamsFranchises"))).isEqualTo(203);
  }

  @Test
  void aCellItsColumnCannotHoldFailsTheWholeWriteNamingIt() {
    ConnectionDetails target = freshDatabase("lahman_misfit");
    TableToWrite parent = new TableToWrite("Parent", List.of(new ColumnSchema("id", ColumnType.INTEGER, Optional.empty())), List.of("id"), List.of(),
        consumer -> {
          consumer.header(List.of("id"));
          consumer.row(new String[] {"1"});
        });
    TableToWrite child = new TableToWrite("Child", List.of(new ColumnSchema("id", ColumnType.INTEGER, Optional.empty()),
        new ColumnSchema("parent", ColumnType.INTEGER, Optional.empty())), List.of(), List.of(new ForeignKeyDescription(List.of("parent"), "Parent", List.of("id"))),
        consumer -> {
          consumer.header(List.of("id", "parent"));
          consumer.row(new String[] {"1", "1"});
          consumer.row(new String[] {"2", "one"});
        });
    assertThatThrownBy(() -> databases.write(target, schemaOf(target), new WritePlan(List.of(child, parent)), new WriteOptions(false, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table Child, column parent, row 2: 'one' is not an integer");
    assertThat(databases.describe(target, schemaOf(target))).isEmpty();
  }

  /** Checks a child row without a parent is refused in the target, so foreign-key checks were on. */
  private void assertForeignKeysEnforced(ConnectionDetails target) throws SQLException {
    try (Connection connection = connect(target);
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO " + table(target, "Salaries") + " (" + q(target, "yearID") + ", " + q(target, "teamID")
          + ", " + q(target, "playerID") + ") VALUES (1800, 'XXX', 'nobody01')")).isInstanceOf(SQLException.class);
    }
  }

  private static int indexOfCreate(WriteResult result, String table) {
    for (int i = 0; i < result.ddl().size(); i++) {
      if (result.ddl().get(i).matches("CREATE TABLE \\S+\\.[`\"]" + table + "[`\"] .*")) {
        return i;
      }
    }
    throw new AssertionError("no CREATE TABLE for " + table + " in " + result.ddl());
  }

  private static ColumnDescription column(TableDescription table, String name) {
    return table.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  String table(ConnectionDetails database, String name) {
    Dialect dialect = Dialect.of(database.kind());
    return dialect.qualified(schemaOf(database), name);
  }

  String q(ConnectionDetails database, String identifier) {
    return Dialect.of(database.kind()).quote(identifier);
  }

  long count(ConnectionDetails database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
