package dev.doppel.adapter.files.export;

import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * A SQL script that creates the table and fills it: session settings, {@code CREATE TABLE}, then
 * multi-row {@code INSERT}s of at most {@value #ROWS_PER_INSERT} rows (fewer when the statement
 * passes about {@value #MAX_STATEMENT_CHARS} characters, to stay under servers' packet limits).
 *
 * <p>Every statement is on one line ending in {@code ;\n} and no line break occurs inside one
 * (line breaks in values are written as escapes), so the script can be split into statements by
 * lines alone.
 *
 * <p>Column types: integer {@code BIGINT}; float {@code DOUBLE} (PostgreSQL {@code DOUBLE
 * PRECISION}); boolean {@code BOOLEAN}; datetime {@code DATETIME(6)} (PostgreSQL {@code
 * TIMESTAMP(6)}), or {@code DATE} when the column's layout has no time of day; id, categorical and
 * text {@code LONGTEXT} (PostgreSQL {@code TEXT}; in a script of linked tables a key column's text
 * is {@code VARCHAR(255)} in MySQL, see {@link dev.doppel.domain.export.ExportOptions.SqlDialect#columnType}). Numbers are written as Java prints them, which
 * reads back as the same double.
 *
 * <p>MySQL and MariaDB: the script starts with {@code SET NAMES utf8mb4} and the table is {@code
 * DEFAULT CHARSET=utf8mb4}, so emoji survive. Identifiers are quoted with backticks (doubled
 * inside). The script loads the same under any {@code sql_mode}: whether a backslash escapes
 * depends on {@code NO_BACKSLASH_ESCAPES}, so strings never rely on it. A string is {@code '...'}
 * with {@code ''} for a quote, or, when it holds a backslash or a control character (NUL, line
 * breaks, tab, Ctrl-Z), a hexadecimal literal of its UTF-8 bytes, {@code _utf8mb4 X'...'}.
 *
 * <p>PostgreSQL: the script sets {@code client_encoding} to UTF8 and {@code
 * standard_conforming_strings} on; identifiers are quoted with double quotes (doubled inside);
 * strings are {@code '...'} with {@code ''} for a quote, or {@code E'...'} escape strings when they
 * hold control characters. PostgreSQL text cannot hold the NUL character at all, so NULs are
 * removed from strings (rather than failing a download half-way); every other character is kept.
 *
 * <p>Column names longer than the dialect allows (MySQL 64 characters, PostgreSQL 63 bytes), or
 * ending in a space, which MySQL refuses, are shortened to a prefix and a hash of the full name,
 * unique within the table; a comment line at the top of the script says which.
 *
 * <p>A cell that does not fit its (non-text) column's type cannot be written into that column, so
 * the export fails naming the column and the row.
 */
final class SqlTableWriter implements TableWriter {
  static final int ROWS_PER_INSERT = 500;
  static final int MAX_STATEMENT_CHARS = 1024 * 1024;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Utf8Output out;
  private final SqlDialect dialect;
  private final SqlNaming naming;
  private final String table;
  /** Whether {@link #begin} writes the session settings and the table's CREATE TABLE, or only prepares its INSERTs. */
  private final boolean createsTable;
  private ExportColumn[] columns;
  private String insert;
  private int rowsInStatement;
  private long statementChars;

  /** A script of one table: the session settings, its {@code CREATE TABLE}, then its {@code INSERT}s. */
  SqlTableWriter(OutputStream out, SqlDialect dialect, String table) {
    this(out, dialect, table, true);
  }

  private SqlTableWriter(OutputStream out, SqlDialect dialect, String table, boolean createsTable) {
    this.out = new Utf8Output(out);
    this.dialect = dialect;
    this.naming = new SqlNaming(dialect);
    this.table = table;
    this.createsTable = createsTable;
  }

  /** The {@code INSERT}s alone, into a table that a script of several tables ({@link SqlDatabaseScript}) has created. */
  static SqlTableWriter insertsInto(OutputStream out, SqlDialect dialect, String table) {
    return new SqlTableWriter(out, dialect, table, false);
  }

  @Override
  public void begin(List<ExportColumn> columns) throws IOException {
    this.columns = columns.toArray(new ExportColumn[0]);
    List<String> names = naming.columnNames(columns);
    insert = naming.insertInto(table, names);
    if (!createsTable) {
      return;
    }
    for (int i = 0; i < this.columns.length; i++) {
      if (!names.get(i).equals(this.columns[i].name())) {
        out.text(naming.renamedNote(this.columns[i].name(), names.get(i)));
      }
    }
    out.text(naming.sessionSettings());
    out.text(naming.createTable(table, columns, names, Set.of(), List.of()));
  }

  @Override
  public void row(String[] raw, Object[] typed, long row) throws IOException {
    if (rowsInStatement == 0) {
      out.text(insert);
      statementChars = insert.length();
    } else {
      out.ascii(',');
    }
    out.ascii('(');
    for (int i = 0; i < columns.length; i++) {
      if (i > 0) {
        out.ascii(',');
      }
      statementChars += value(typed[i], columns[i], row);
    }
    out.ascii(')');
    statementChars += columns.length + 3;
    if (++rowsInStatement == ROWS_PER_INSERT || statementChars >= MAX_STATEMENT_CHARS) {
      endStatement();
    }
  }

  @Override
  public void finish() throws IOException {
    if (rowsInStatement > 0) {
      endStatement();
    }
    out.flush();
  }

  private void endStatement() throws IOException {
    out.ascii(";\n");
    rowsInStatement = 0;
  }

  /** Writes one literal; returns about how many characters it took. */
  private int value(Object value, ExportColumn column, long row) throws IOException {
    if (value == null) {
      out.ascii("NULL");
      return 4;
    }
    if (value instanceof String text) {
      return dialect == SqlDialect.MYSQL ? mysqlString(text) : postgresqlString(text);
    }
    if (value instanceof Long number) {
      out.ascii(Long.toString(number));
    } else if (value instanceof Double number) {
      out.ascii(Double.toString(number));
    } else if (value instanceof Boolean b) {
      out.ascii(b ? "TRUE" : "FALSE");
    } else if (value instanceof LocalDateTime time) {
      out.ascii('\'');
      out.dateTime(time, ' ', column.fractionalSeconds());
      out.ascii('\'');
    } else if (value instanceof LocalDate date) {
      out.ascii('\'');
      out.date(date);
      out.ascii('\'');
    } else {
      throw ((Mismatch) value).refusal(column, row, "SQL");
    }
    return 28;
  }

  private int mysqlString(String s) throws IOException {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\' || c < 0x20) {
        return mysqlHexString(s);
      }
    }
    out.ascii('\'');
    int run = 0;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) == '\'') {
        out.text(s, run, i + 1);
        out.ascii('\'');
        run = i + 1;
      }
    }
    out.text(s, run, n);
    out.ascii('\'');
    return n + 2;
  }

  private int mysqlHexString(String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.ascii("_utf8mb4 X'");
    for (byte b : utf8) {
      out.ascii(HEX[(b >> 4) & 0xF]);
      out.ascii(HEX[b & 0xF]);
    }
    out.ascii('\'');
    return 2 * utf8.length + 12;
  }

  private int postgresqlString(String s) throws IOException {
    int n = s.length();
    boolean control = false;
    for (int i = 0; i < n && !control; i++) {
      control = s.charAt(i) < 0x20;
    }
    if (control) {
      out.ascii('E');
    }
    out.ascii('\'');
    int run = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        out.text(s, run, i + 1);
        out.ascii('\'');
        run = i + 1;
      } else if (control && (c < 0x20 || c == '\\')) {
        out.text(s, run, i);
        run = i + 1;
        switch (c) {
          case '\0' -> {} // PostgreSQL text cannot hold NUL: dropped, see the class comment
          case '\\' -> out.ascii("\\\\");
          case '\n' -> out.ascii("\\n");
          case '\r' -> out.ascii("\\r");
          case '\t' -> out.ascii("\\t");
          default -> {
            out.ascii("\\x");
            out.ascii(HEX[c >> 4]);
            out.ascii(HEX[c & 0xF]);
          }
        }
      }
    }
    out.text(s, run, n);
    out.ascii('\'');
    return n + 3;
  }
}
