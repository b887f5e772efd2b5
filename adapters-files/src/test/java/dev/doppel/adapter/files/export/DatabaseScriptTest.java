package dev.doppel.adapter.files.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.out.ExternalDatabases.TableToWrite;
import dev.doppel.application.port.out.ExternalDatabases.WritePlan;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One script of linked tables: created parents first with their keys, then filled in the same order. */
class DatabaseScriptTest {
  private static final String LONG_KEY = "k".repeat(70);

  @TempDir Path dir;
  private ExportFixture fixture;
  private TableToWrite teams;
  private TableToWrite players;

  @BeforeEach
  void storeTables() {
    fixture = new ExportFixture(dir);
    String teamRows = fixture.put(("year," + LONG_KEY + ",name\n1985,ATL,Braves\n1985,BAL,O's\n").getBytes(StandardCharsets.UTF_8));
    String playerRows = fixture.put(("id,year,team,salary\n1,1985,ATL,300000\n2,1985,BAL,\n").getBytes(StandardCharsets.UTF_8));
    teams = new TableToWrite("Teams", List.of(column("year", ColumnType.INTEGER), column(LONG_KEY, ColumnType.ID), column("name", ColumnType.TEXT)),
        List.of("year", LONG_KEY), List.of(), consumer -> fixture.reader.read(teamRows, ExportFixture.CSV, consumer));
    players = new TableToWrite("Salaries",
        List.of(column("id", ColumnType.INTEGER), column("year", ColumnType.INTEGER), column("team", ColumnType.CATEGORICAL), column("salary", ColumnType.FLOAT)),
        List.of("id"), List.of(new ForeignKeyDescription(List.of("year", "team"), "Teams", List.of("year", LONG_KEY))),
        consumer -> fixture.reader.read(playerRows, ExportFixture.CSV, consumer));
  }

  private static ColumnSchema column(String name, ColumnType type) {
    return new ColumnSchema(name, type, Optional.empty());
  }

  private String script(SqlDialect dialect, TableToWrite... tables) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fixture.exporter.exportScript(new WritePlan(List.of(tables)), dialect, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void mysqlScriptCreatesParentsFirstWithBoundedKeyTextThenFillsThemInTheSameOrder() {
    String sql = script(SqlDialect.MYSQL, teams, players);
    String shortened = Readback.statements(sql).get(1).replaceFirst(".*`year` BIGINT, `(k{55}_[0-9a-f]{8})`.*", "$1");

    assertThat(sql.lines().filter(line -> line.startsWith("-- column "))).containsExactly(
        "-- column `" + LONG_KEY + "` of table `Teams` is named `" + shortened + "` here: MySQL names are at most 64 characters and do not end with a space");
    assertThat(Readback.statements(sql)).containsExactly(
        "SET NAMES utf8mb4;",
        "CREATE TABLE `Teams` (`year` BIGINT, `" + shortened + "` VARCHAR(255), `name` LONGTEXT, PRIMARY KEY (`year`, `" + shortened + "`))"
            + " DEFAULT CHARSET=utf8mb4;",
        "CREATE TABLE `Salaries` (`id` BIGINT, `year` BIGINT, `team` VARCHAR(255), `salary` DOUBLE, PRIMARY KEY (`id`),"
            + " FOREIGN KEY (`year`, `team`) REFERENCES `Teams` (`year`, `" + shortened + "`)) DEFAULT CHARSET=utf8mb4;",
        "INSERT INTO `Teams` (`year`, `" + shortened + "`, `name`) VALUES (1985,'ATL','Braves'),(1985,'BAL','O''s');",
        "INSERT INTO `Salaries` (`id`, `year`, `team`, `salary`) VALUES (1,1985,'ATL',300000.0),(2,1985,'BAL',NULL);");
  }

  @Test
  void postgresqlScriptKeepsTextKeysUnboundedAndQuotesWithDoubleQuotes() {
    List<String> statements = Readback.statements(script(SqlDialect.POSTGRESQL, teams, players));

    assertThat(statements.subList(0, 2)).containsExactly("SET client_encoding = 'UTF8';", "SET standard_conforming_strings = on;");
    String shortened = statements.get(2).replaceFirst(".*\"(k{54}_[0-9a-f]{8})\".*", "$1");
    assertThat(statements.get(2)).isEqualTo(
        "CREATE TABLE \"Teams\" (\"year\" BIGINT, \"" + shortened + "\" TEXT, \"name\" TEXT, PRIMARY KEY (\"year\", \"" + shortened + "\"));");
    assertThat(statements.get(3)).isEqualTo(
        "CREATE TABLE \"Salaries\" (\"id\" BIGINT, \"year\" BIGINT, \"team\" TEXT, \"salary\" DOUBLE PRECISION, PRIMARY KEY (\"id\"),"
            + " FOREIGN KEY (\"year\", \"team\") REFERENCES \"Teams\" (\"year\", \"" + shortened + "\"));");
    assertThat(statements.get(5)).isEqualTo("INSERT INTO \"Salaries\" (\"id\", \"year\", \"team\", \"salary\") VALUES (1,1985,'ATL',300000.0),(2,1985,'BAL',NULL);");
  }

  @Test
  void refusesAChildBeforeItsParentAndAKeyOnAMissingColumn() {
    assertThatThrownBy(() -> script(SqlDialect.MYSQL, players, teams))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table Salaries has a foreign key to Teams, which the script does not create before it");
    TableToWrite keyless = new TableToWrite("Teams", teams.columns(), List.of("nope"), List.of(), teams.rows());
    assertThatThrownBy(() -> script(SqlDialect.MYSQL, keyless))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names column nope");
  }

  @Test
  void loadsIntoMariaDbWithForeignKeyChecksOn() {
    String sql = script(SqlDialect.MYSQL, teams, players);

    List<List<Object>> salaries = Readback.mariaDb(sql, "database_script", "Salaries", List.of(
        ExportColumn.of(column("id", ColumnType.INTEGER)), ExportColumn.of(column("year", ColumnType.INTEGER)),
        ExportColumn.of(column("team", ColumnType.CATEGORICAL)), ExportColumn.of(column("salary", ColumnType.FLOAT))));

    assertThat(salaries).containsExactly(List.of(1L, 1985L, "ATL", 300000.0), java.util.Arrays.asList(2L, 1985L, "BAL", null));
  }
}
