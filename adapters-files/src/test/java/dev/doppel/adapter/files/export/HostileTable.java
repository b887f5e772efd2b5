package dev.doppel.adapter.files.export;

import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table built to break exporters: quotes, delimiters, line breaks of every kind, backslashes,
 * control characters, NUL, emoji, SQL injection, a 100,000-character string, formula starts, and
 * nulls (in every null spelling) in every type of column.
 */
final class HostileTable {
  static final String NOTE = "note `x` \"y\"";
  static final String LONG = longString();

  static final List<String> STRINGS =
      List.of(
          "He said \"hi\"",
          "a,b,c",
          "semi;colon",
          "line1\nline2",
          "crlf\r\nline",
          "cr\ronly",
          "back\\slash",
          "double\\\\backslash\\",
          "tab\tinside",
          "emoji 😀🎉 ünïcödé 中文",
          "nul\u0000inside",
          "'); DROP TABLE users;--",
          LONG,
          "=1+1",
          "+cmd|' /C calc'!A0",
          "-2",
          "@SUM(A1:A2)",
          "\tleading tab",
          "\rleading cr",
          " leading space",
          "trailing space ",
          "'",
          "\"",
          "\\'",
          "ctrl-z \u001a here",
          "\u0001\u001f controls",
          "`backtick`",
          "x\u2028y\u2029z",
          "\uFEFFbom");

  private static final String[] INTEGERS = {"0", "-5", "+7", "9223372036854775807", "-9223372036854775808", "42", "NA"};
  private static final String[] FLOATS = {"39.1", "-0.5", "181.0", "1e-7", "2.5E10", "NaN", "0.1", "-3", "1.7976931348623157E308", "inf"};
  private static final String[] BOOLEANS = {"true", "False", "YES", "no", "y", "N", "t", "F", "1", "0", ""};
  private static final String[] STAMPS = {"2019-03-23 20:21:09.5", "2024-02-29 23:59:59.999999", "1999-12-31 00:00:00.000001", "2000-01-01 00:00:00.0"};
  private static final String[] DAYS = {"23/03/2019", "1/2/2020", "29/02/2024", "null"};
  private static final String[] TIMES = {"03/23/2019 20:21", "12/31/1999 23:59", "1/1/2000 0:00"};
  private static final String[] NULLS = {"", "NA", "N/A", "null", "NULL", "?", "None", ""};

  static final List<ColumnSchema> SCHEMA =
      List.of(
          column("n", ColumnType.INTEGER, null),
          column("ratio", ColumnType.FLOAT, null),
          column("flag", ColumnType.BOOLEAN, null),
          column("seen", ColumnType.DATETIME, "%Y-%m-%d %H:%M:%S.%f"),
          column("day", ColumnType.DATETIME, "%d/%m/%Y"),
          column("at", ColumnType.DATETIME, "%m/%d/%Y %H:%M"),
          column("kind", ColumnType.CATEGORICAL, null),
          column(NOTE, ColumnType.TEXT, null));

  private HostileTable() {}

  /** One row per hostile string (in the text column, and shifted in the categorical one), then an all-null row. */
  static List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    int n = STRINGS.size();
    for (int i = 0; i < n; i++) {
      rows.add(
          new String[] {
            INTEGERS[i % INTEGERS.length],
            FLOATS[i % FLOATS.length],
            BOOLEANS[i % BOOLEANS.length],
            STAMPS[i % STAMPS.length],
            DAYS[i % DAYS.length],
            TIMES[i % TIMES.length],
            STRINGS.get((i + 5) % n),
            STRINGS.get(i)
          });
    }
    rows.add(NULLS);
    return rows;
  }

  /** The table as CSV with every field quoted, written independently of the exporter. */
  static byte[] csv() {
    return csv(SCHEMA, rows());
  }

  /** The table with a ninth, text column whose name is longer than any database allows. */
  static final List<ColumnSchema> WIDE_SCHEMA = wideSchema();

  /** {@link #rows()} with the ninth column filled (the hostile strings shifted once more). */
  static byte[] wideCsv() {
    List<String[]> rows = new ArrayList<>();
    List<String[]> narrow = rows();
    for (int i = 0; i < narrow.size(); i++) {
      String[] row = java.util.Arrays.copyOf(narrow.get(i), narrow.get(i).length + 1);
      row[row.length - 1] = i < STRINGS.size() ? STRINGS.get((i + 11) % STRINGS.size()) : "";
      rows.add(row);
    }
    return csv(WIDE_SCHEMA, rows);
  }

  private static List<ColumnSchema> wideSchema() {
    List<ColumnSchema> schema = new ArrayList<>(SCHEMA);
    schema.add(column("a_column_name_of_seventy_characters_" + "x".repeat(34), ColumnType.TEXT, null));
    return List.copyOf(schema);
  }

  private static byte[] csv(List<ColumnSchema> schema, List<String[]> rows) {
    StringBuilder out = new StringBuilder();
    line(out, schema.stream().map(ColumnSchema::name).toArray(String[]::new));
    for (String[] row : rows) {
      line(out, row);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder out, String[] fields) {
    for (int i = 0; i < fields.length; i++) {
      out.append(i > 0 ? "," : "").append('"').append(fields[i].replace("\"", "\"\"")).append('"');
    }
    out.append('\n');
  }

  private static ColumnSchema column(String name, ColumnType type, String format) {
    return new ColumnSchema(name, type, Optional.ofNullable(format));
  }

  private static String longString() {
    StringBuilder s = new StringBuilder(100_000);
    String piece = "long \"quoted\" text, with; separators ✓ and a \\ backslash\n";
    while (s.length() < 100_000) {
      s.append(piece);
    }
    s.setLength(100_000);
    return s.toString();
  }
}
