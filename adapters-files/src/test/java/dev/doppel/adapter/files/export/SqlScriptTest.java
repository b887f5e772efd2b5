package dev.doppel.adapter.files.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL script's text in both dialects; MySQL's is also loaded into MariaDB by the round-trip tests. */
class SqlScriptTest {
  private static final ExportOptions MYSQL = new ExportOptions(',', false, SqlDialect.MYSQL, "users");
  private static final ExportOptions POSTGRESQL = new ExportOptions(',', false, SqlDialect.POSTGRESQL, "users");

  @TempDir Path dir;
  private ExportFixture fixture;
  private String hostile;

  @BeforeEach
  void setUp() {
    fixture = new ExportFixture(dir);
    hostile = fixture.put(HostileTable.csv());
  }

  private String script(ExportOptions options) {
    return new String(fixture.export(hostile, ExportFixture.CSV, HostileTable.SCHEMA, ExportFormat.SQL, options), StandardCharsets.UTF_8);
  }

  @Test
  void mysqlScriptSetsUtf8mb4AndCreatesTheTableWithMappedTypesAndQuotedNames() {
    List<String> statements = Readback.statements(script(MYSQL));

    assertThat(statements.get(0)).isEqualTo("SET NAMES utf8mb4;");
    assertThat(statements.get(1))
        .isEqualTo(
            "CREATE TABLE `users` (`n` BIGINT, `ratio` DOUBLE, `flag` BOOLEAN, `seen` DATETIME(6), `day` DATE, `at` DATETIME(6),"
                + " `kind` LONGTEXT, `note ``x`` \"y\"` LONGTEXT) DEFAULT CHARSET=utf8mb4;");
    assertThat(statements.get(2)).startsWith("INSERT INTO `users` (`n`, `ratio`, `flag`, `seen`, `day`, `at`, `kind`, `note ``x`` \"y\"`) VALUES (");
    assertThat(statements).hasSize(3);
  }

  @Test
  void mysqlStringsDoubleQuotesAndWriteBackslashesAndControlCharactersAsHexWhateverTheSqlMode() {
    String insert = Readback.statements(script(MYSQL)).get(2);

    assertThat(insert)
        .contains("'He said \"hi\"'", "'''); DROP TABLE users;--'", "''''", "'emoji 😀🎉 ünïcödé 中文'", "'`backtick`'")
        .contains("_utf8mb4 X'" + hex("back\\slash") + "'", "_utf8mb4 X'" + hex("\\'") + "'", "_utf8mb4 X'" + hex("nul\u0000inside") + "'")
        .contains("_utf8mb4 X'" + hex("line1\nline2") + "'", "_utf8mb4 X'" + hex("tab\tinside") + "'", "_utf8mb4 X'" + hex("ctrl-z \u001a here") + "'")
        .contains("(0,39.1,TRUE,'2019-03-23 20:21:09.500000','2019-03-23','2019-03-23 20:21:00',_utf8mb4 X'" + hex("cr\ronly") + "','He said \"hi\"')")
        .contains("(NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL)")
        .doesNotContain("\\")
        .doesNotContain("\u0000")
        .doesNotContain("\n");
  }

  private static String hex(String text) {
    return java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void postgresqlScriptUsesDoubleQuotedNamesStandardStringsAndPostgresTypes() {
    List<String> statements = Readback.statements(script(POSTGRESQL));

    assertThat(statements.subList(0, 3))
        .containsExactly(
            "SET client_encoding = 'UTF8';",
            "SET standard_conforming_strings = on;",
            "CREATE TABLE \"users\" (\"n\" BIGINT, \"ratio\" DOUBLE PRECISION, \"flag\" BOOLEAN, \"seen\" TIMESTAMP(6), \"day\" DATE,"
                + " \"at\" TIMESTAMP(6), \"kind\" TEXT, \"note `x` \"\"y\"\"\" TEXT);");
    String insert = statements.get(3);
    assertThat(insert)
        .startsWith("INSERT INTO \"users\" (\"n\", \"ratio\", \"flag\", \"seen\", \"day\", \"at\", \"kind\", \"note `x` \"\"y\"\"\") VALUES (")
        .contains("'back\\slash'", "'double\\\\backslash\\'", "''''", "'\\'''", "'''); DROP TABLE users;--'", "'He said \"hi\"'")
        .contains("E'line1\\nline2'", "E'crlf\\r\\nline'", "E'tab\\tinside'", "E'\\x01\\x1f controls'", "E'ctrl-z \\x1a here'")
        .contains("'emoji 😀🎉 ünïcödé 中文'", "'x\u2028y\u2029z'", "TRUE", "FALSE", "'2019-03-23 20:21:09.500000'")
        .doesNotContain("\n");
  }

  @Test
  void postgresqlScriptDropsNulWhichPostgresTextCannotHold() {
    String sql = script(POSTGRESQL);

    assertThat(sql).doesNotContain("\u0000").contains("'nulinside'");
  }

  @Test
  void insertsAreBatchedAtMostFiveHundredRowsPerStatement() {
    StringBuilder csv = new StringBuilder("id,name\n");
    for (int i = 1; i <= 1201; i++) {
      csv.append(i).append(",row ").append(i).append('\n');
    }
    String stored = fixture.put(csv.toString().getBytes(StandardCharsets.UTF_8));
    List<ColumnSchema> schema =
        List.of(new ColumnSchema("id", ColumnType.INTEGER, Optional.empty()), new ColumnSchema("name", ColumnType.TEXT, Optional.empty()));

    List<String> statements =
        Readback.statements(new String(fixture.export(stored, ExportFixture.CSV, schema, ExportFormat.SQL, MYSQL), StandardCharsets.UTF_8));

    assertThat(statements).hasSize(5);
    assertThat(statements.subList(2, 5))
        .extracting(statement -> statement.split("\\),\\(").length)
        .containsExactly(SqlTableWriter.ROWS_PER_INSERT, SqlTableWriter.ROWS_PER_INSERT, 201);
    assertThat(statements.get(4)).endsWith("(1201,'row 1201');");
  }

  @Test
  void emptyTableGivesTheCreateStatementOnly() {
    String stored = fixture.put("id,name\n".getBytes(StandardCharsets.UTF_8));
    List<ColumnSchema> schema =
        List.of(new ColumnSchema("id", ColumnType.INTEGER, Optional.empty()), new ColumnSchema("name", ColumnType.TEXT, Optional.empty()));

    String sql = new String(fixture.export(stored, ExportFixture.CSV, schema, ExportFormat.SQL, MYSQL), StandardCharsets.UTF_8);

    assertThat(sql).isEqualTo("SET NAMES utf8mb4;\nCREATE TABLE `users` (`id` BIGINT, `name` LONGTEXT) DEFAULT CHARSET=utf8mb4;\n");
  }

  @Test
  void shortensLongColumnNamesDeterministicallyAndUniquely() {
    String first = "x".repeat(65);
    String second = "x".repeat(64) + "y";
    String fits = "x".repeat(64);
    List<ColumnSchema> schema =
        List.of(
            new ColumnSchema(first, ColumnType.INTEGER, Optional.empty()), new ColumnSchema(second, ColumnType.INTEGER, Optional.empty()),
            new ColumnSchema(fits, ColumnType.INTEGER, Optional.empty()));
    String stored = fixture.put((first + "," + second + "," + fits + "\n1,2,3\n").getBytes(StandardCharsets.UTF_8));

    String sql = new String(fixture.export(stored, ExportFixture.CSV, schema, ExportFormat.SQL, MYSQL), StandardCharsets.UTF_8);

    String create = Readback.statements(sql).get(1);
    List<String> names = java.util.regex.Pattern.compile("`([^`]+)` BIGINT").matcher(create).results().map(m -> m.group(1)).toList();
    assertThat(names).hasSize(3).doesNotHaveDuplicates().allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(64));
    assertThat(names.get(0)).matches("x{55}_[0-9a-f]{8}");
    assertThat(names.get(2)).isEqualTo(fits);
    assertThat(sql).isEqualTo(new String(fixture.export(stored, ExportFixture.CSV, schema, ExportFormat.SQL, MYSQL), StandardCharsets.UTF_8));
    assertThat(sql.lines().filter(line -> line.startsWith("-- column "))).hasSize(2);
  }
}
