package dev.doppel.adapter.files.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every format round-trips the {@link HostileTable} exactly; mismatched cells are handled as documented. */
class HostileValuesExportTest {
  @TempDir Path dir;
  private ExportFixture fixture;
  private String key;
  private List<List<Object>> typed;

  @BeforeEach
  void setUp() {
    fixture = new ExportFixture(dir);
    // The table holds a NUL, which format detection takes for binary: the layout is given instead.
    key = fixture.put(HostileTable.csv());
    typed = fixture.typedSource(key, ExportFixture.CSV, HostileTable.SCHEMA);
  }

  @Test
  void sourceHoldsEveryHostileStringAndNullsInEveryColumn() {
    assertThat(typed).hasSize(HostileTable.STRINGS.size() + 1);
    assertThat(typed.subList(0, typed.size() - 1).stream().map(row -> row.get(7)).toList()).containsExactlyElementsOf(HostileTable.STRINGS);
    assertThat(typed.get(typed.size() - 1)).containsOnlyNulls().hasSize(HostileTable.SCHEMA.size());
    assertThat(typed.get(0)).doesNotContainNull();
  }

  private byte[] export(ExportFormat format, ExportOptions options) {
    return fixture.export(key, ExportFixture.CSV, HostileTable.SCHEMA, format, options);
  }

  @ParameterizedTest
  @ValueSource(chars = {',', ';', '\t', '|', '.', ' ', '-', 'e', '1', ':', '§', '✓'})
  void csvRoundTripsEveryValueExactlyWhateverTheDelimiter(char delimiter) {
    byte[] csv = export(ExportFormat.CSV, new ExportOptions(delimiter, false, SqlDialect.MYSQL, "t"));

    String stored = fixture.put(csv);
    TableLayout layout = new TableLayout(FileFormat.CSV, delimiter);

    assertThat(fixture.read(stored, layout).header).isEqualTo(HostileTable.SCHEMA.stream().map(ColumnSchema::name).toList());
    assertThat(fixture.typedSource(stored, layout, HostileTable.SCHEMA)).isEqualTo(typed);
  }

  @Test
  void csvQuotesOnlyFieldsThatNeedItAndEndsRecordsWithCrlf() {
    String csv = new String(export(ExportFormat.CSV, new ExportOptions(',', false, SqlDialect.MYSQL, "t")), StandardCharsets.UTF_8);

    assertThat(csv)
        .startsWith("n,ratio,flag,seen,day,at,kind,\"note `x` \"\"y\"\"\"\r\n")
        .contains("\r\n0,39.1,true,2019-03-23 20:21:09.5,23/03/2019,03/23/2019 20:21,\"cr\ronly\",\"He said \"\"hi\"\"\"\r\n")
        .contains(",\"a,b,c\"\r\n")
        .contains(",\" leading space\"\r\n")
        .contains(",=1+1\r\n")
        .endsWith("\r\n,,,,,,,\r\n");
  }

  @Test
  void csvNeutralisesFormulasUnlessTheCallerOptsOut() {
    assertThat(ExportOptions.DEFAULT.neutraliseFormulas()).isTrue();
    String csv = new String(export(ExportFormat.CSV, ExportOptions.DEFAULT), StandardCharsets.UTF_8);

    assertThat(csv).contains(",'=1+1\r\n").doesNotContain(",=1+1\r\n");
  }

  @Test
  void csvNeutralisesFormulaStartsInTextCellsButNotNumbers() {
    byte[] csv = export(ExportFormat.CSV, new ExportOptions(',', true, SqlDialect.MYSQL, "t"));

    List<List<Object>> read = fixture.typedSource(fixture.put(csv), ExportFixture.CSV, HostileTable.SCHEMA);

    List<List<Object>> expected = new ArrayList<>();
    for (List<Object> row : typed) {
      List<Object> neutralised = new ArrayList<>(row);
      for (int i : new int[] {6, 7}) {
        if (row.get(i) instanceof String s && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
          neutralised.set(i, "'" + s);
        }
      }
      expected.add(neutralised);
    }
    assertThat(read).isEqualTo(expected);
    assertThat(expected.stream().map(row -> row.get(7)))
        .contains("'=1+1", "'+cmd|' /C calc'!A0", "'-2", "'@SUM(A1:A2)", "'\tleading tab", "'\rleading cr");
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).contains("\r\n-5,-0.5,").contains("\r\n+7,181.0,").doesNotContain("'-5").doesNotContain("'+7");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void jsonRoundTripsEveryValueExactly(boolean lines) {
    byte[] json = export(lines ? ExportFormat.JSONL : ExportFormat.JSON, ExportOptions.DEFAULT);

    assertThat(Readback.json(json, lines, ExportFixture.columns(HostileTable.SCHEMA))).isEqualTo(typed);
  }

  @Test
  void jsonEscapesControlCharactersAndWritesEmojiAsUtf8() {
    String json = new String(export(ExportFormat.JSONL, ExportOptions.DEFAULT), StandardCharsets.UTF_8);

    assertThat(json)
        .contains("\"nul\\u0000inside\"", "\"\\u0001\\u001f controls\"", "\"ctrl-z \\u001a here\"", "\"crlf\\r\\nline\"")
        .contains("\"emoji 😀🎉 ünïcödé 中文\"", "\"back\\\\slash\"", "\"He said \\\"hi\\\"\"")
        .contains("\"ratio\":181.0,", "\"ratio\":2.5E10,", "\"n\":-9223372036854775808,", "\"flag\":false,")
        .contains("\"seen\":\"2019-03-23T20:21:09.500000\",\"day\":\"2019-03-23\",\"at\":\"2019-03-23T20:21:00\"")
        .contains("{\"n\":null,\"ratio\":null,\"flag\":null,\"seen\":null,\"day\":null,\"at\":null,\"kind\":null,\"note `x` \\\"y\\\"\":null}\n");
  }

  @Test
  void parquetRoundTripsEveryValueExactly() {
    byte[] parquet = export(ExportFormat.PARQUET, ExportOptions.DEFAULT);
    String stored = fixture.put(parquet);

    ExportFixture.Table table = fixture.read(stored, fixture.detect(stored));

    assertThat(table.header).isEqualTo(HostileTable.SCHEMA.stream().map(ColumnSchema::name).toList());
    assertThat(fixture.typedExport(table, HostileTable.SCHEMA)).isEqualTo(typed);
  }

  /**
   * Whether a backslash escapes in a string literal depends on the server's sql_mode; a script
   * that relied on either reading would load other values (or run a value as SQL) under the other.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "NO_BACKSLASH_ESCAPES", "ANSI_QUOTES"})
  void mysqlScriptLoadsIntoMariaDbWithEveryValueIntactWhateverTheSqlMode(String sqlMode) {
    String wide = fixture.put(HostileTable.wideCsv());
    List<List<Object>> source = fixture.typedSource(wide, ExportFixture.CSV, HostileTable.WIDE_SCHEMA);
    String sql = sqlScript(wide, SqlDialect.MYSQL);
    String longName = HostileTable.WIDE_SCHEMA.get(8).name();
    String shortened = longName.substring(0, 55) + "_" + sha256Hex(longName).substring(0, 8);
    List<String> labels = new ArrayList<>(HostileTable.SCHEMA.stream().map(ColumnSchema::name).toList());
    labels.add(shortened);

    List<List<Object>> loaded =
        Readback.mariaDb(sql, "export_hostile_" + sqlMode.toLowerCase(java.util.Locale.ROOT), "users", labels, ExportFixture.columns(HostileTable.WIDE_SCHEMA), sqlMode);

    assertThat(loaded).isEqualTo(source);
    assertThat(source).extracting(row -> row.get(8)).contains("\\'", "double\\\\backslash\\", "nul\u0000inside", "'); DROP TABLE users;--", "emoji 😀🎉 ünïcödé 中文");
    assertThat(sql).startsWith("-- column `" + longName + "` is named `" + shortened + "` here: MySQL names are at most 64 characters");
  }

  @Test
  void postgresqlScriptShortensAColumnNameBeyondSixtyThreeBytesToo() {
    String sql = sqlScript(fixture.put(HostileTable.wideCsv()), SqlDialect.POSTGRESQL);

    String longName = HostileTable.WIDE_SCHEMA.get(8).name();
    String shortened = longName.substring(0, 54) + "_" + sha256Hex(longName).substring(0, 8);
    assertThat(sql).startsWith("-- column \"" + longName + "\" is named \"" + shortened + "\" here: PostgreSQL names are at most 63 bytes\n");
    assertThat(Readback.statements(sql).get(2)).contains(", \"" + shortened + "\" TEXT);");
  }

  private String sqlScript(String wideTable, SqlDialect dialect) {
    ExportOptions options = new ExportOptions(',', false, dialect, "users");
    return new String(fixture.export(wideTable, ExportFixture.CSV, HostileTable.WIDE_SCHEMA, ExportFormat.SQL, options), StandardCharsets.UTF_8);
  }

  private static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static final List<ColumnSchema> MISMATCH_SCHEMA =
      List.of(
          new ColumnSchema("id", ColumnType.INTEGER, Optional.empty()),
          new ColumnSchema("age", ColumnType.INTEGER, Optional.empty()),
          new ColumnSchema("name", ColumnType.TEXT, Optional.empty()));

  private String mismatched() {
    return fixture.put("id,age,name\n1,30,Ann\n2,not-a-number,Bob\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void cellThatDoesNotFitItsTypeIsWrittenAsItsTextInJsonAndCsv() {
    String stored = mismatched();

    String json = new String(fixture.export(stored, ExportFixture.CSV, MISMATCH_SCHEMA, ExportFormat.JSONL, ExportOptions.DEFAULT), StandardCharsets.UTF_8);
    String csv = new String(fixture.export(stored, ExportFixture.CSV, MISMATCH_SCHEMA, ExportFormat.CSV, ExportOptions.DEFAULT), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo("{\"id\":1,\"age\":30,\"name\":\"Ann\"}\n{\"id\":2,\"age\":\"not-a-number\",\"name\":\"Bob\"}\n");
    assertThat(csv).isEqualTo("id,age,name\r\n1,30,Ann\r\n2,not-a-number,Bob\r\n");
  }

  @ParameterizedTest
  @EnumSource(value = ExportFormat.class, names = {"SQL", "PARQUET"})
  void cellThatDoesNotFitItsTypedColumnFailsNamingColumnAndRow(ExportFormat format) {
    String stored = mismatched();

    assertThatThrownBy(() -> fixture.export(stored, ExportFixture.CSV, MISMATCH_SCHEMA, format, ExportOptions.DEFAULT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("column 'age' is integer but row 2 holds 'not-a-number'");
  }

  @Test
  void formulaLikeMismatchInANumericColumnIsStillNeutralised() {
    String stored = fixture.put("id,age\n1,=HYPERLINK(\"x\")\n2,-3\n".getBytes(StandardCharsets.UTF_8));

    String csv =
        new String(
            fixture.export(stored, ExportFixture.CSV, MISMATCH_SCHEMA.subList(0, 2), ExportFormat.CSV, new ExportOptions(',', true, SqlDialect.MYSQL, "t")),
            StandardCharsets.UTF_8);

    assertThat(csv).isEqualTo("id,age\r\n1,\"'=HYPERLINK(\"\"x\"\")\"\r\n2,-3\r\n");
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void neverClosesTheCallersStream(ExportFormat format) {
    boolean[] closed = {false};
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void close() throws IOException {
            closed[0] = true;
          }
        };

    fixture.exporter.export(key, ExportFixture.CSV, HostileTable.SCHEMA, format, ExportOptions.DEFAULT, out);

    assertThat(closed[0]).isFalse();
    assertThat(out.size()).isPositive();
  }

  @Test
  void refusesASchemaThatDoesNotNameTheStoredColumns() {
    List<ColumnSchema> reordered = new ArrayList<>(HostileTable.SCHEMA);
    java.util.Collections.swap(reordered, 0, 1);

    assertThatThrownBy(() -> fixture.export(key, ExportFixture.CSV, reordered, ExportFormat.JSON, ExportOptions.DEFAULT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("are not the schema's columns");
  }
}
