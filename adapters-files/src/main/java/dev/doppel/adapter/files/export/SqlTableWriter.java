package dev.doppel.adapter.files.export;

import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

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
 * text {@code LONGTEXT} (PostgreSQL {@code TEXT}). Numbers are written as Java prints them, which
 * reads back as the same double.
 *
 * <p>MySQL and MariaDB: the script starts with {@code SET NAMES utf8mb4} and the table is {@code
 * DEFAULT CHARSET=utf8mb4}, so emoji survive. Identifiers are quoted with backticks (doubled
 * inside); string literals escape {@code \ ' NUL LF CR} and Ctrl-Z with backslashes, as mysqldump
 * does, so the script assumes the server's default {@code sql_mode} without {@code
 * NO_BACKSLASH_ESCAPES}.
 *
 * <p>PostgreSQL: the script sets {@code client_encoding} to UTF8 and {@code
 * standard_conforming_strings} on; identifiers are quoted with double quotes (doubled inside);
 * strings are {@code '...'} with {@code ''} for a quote, or {@code E'...'} escape strings when they
 * hold control characters. PostgreSQL text cannot hold the NUL character at all, so NULs are
 * removed from strings (rather than failing a download half-way); every other character is kept.
 *
 * <p>A cell that does not fit its (non-text) column's type cannot be written into that column, so
 * the export fails naming the column and the row.
 */
final class SqlTableWriter implements TableWriter {
  static final int ROWS_PER_INSERT = 500;
  static final int MAX_STATEMENT_CHARS = 1024 * 1024;
  private static final int MYSQL_MAX_IDENTIFIER_CHARS = 64;
  private static final int POSTGRESQL_MAX_IDENTIFIER_BYTES = 63;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Utf8Output out;
  private final SqlDialect dialect;
  private final String table;
  private ExportColumn[] columns;
  private String insert;
  private int rowsInStatement;
  private long statementChars;

  SqlTableWriter(OutputStream out, SqlDialect dialect, String table) {
    this.out = new Utf8Output(out);
    this.dialect = dialect;
    this.table = table;
  }

  @Override
  public void begin(List<ExportColumn> columns) throws IOException {
    this.columns = columns.toArray(new ExportColumn[0]);
    StringBuilder create = new StringBuilder("CREATE TABLE ").append(identifier(table)).append(" (");
    StringBuilder insert = new StringBuilder("INSERT INTO ").append(identifier(table)).append(" (");
    for (int i = 0; i < this.columns.length; i++) {
      String name = identifier(this.columns[i].name());
      create.append(i > 0 ? ", " : "").append(name).append(' ').append(columnType(this.columns[i]));
      insert.append(i > 0 ? ", " : "").append(name);
    }
    create.append(')').append(dialect == SqlDialect.MYSQL ? " DEFAULT CHARSET=utf8mb4" : "").append(";\n");
    this.insert = insert.append(") VALUES ").toString();
    if (dialect == SqlDialect.MYSQL) {
      out.ascii("SET NAMES utf8mb4;\n");
    } else {
      out.ascii("SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n");
    }
    out.text(create.toString());
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
    out.ascii('\'');
    int run = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      String escape =
          switch (s.charAt(i)) {
            case '\\' -> "\\\\";
            case '\'' -> "\\'";
            case '\0' -> "\\0";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\u001a' -> "\\Z";
            default -> null;
          };
      if (escape != null) {
        out.text(s, run, i);
        out.ascii(escape);
        run = i + 1;
      }
    }
    out.text(s, run, n);
    out.ascii('\'');
    return n + 2;
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

  private String columnType(ExportColumn column) {
    boolean mysql = dialect == SqlDialect.MYSQL;
    return switch (column.kind()) {
      case INTEGER -> "BIGINT";
      case FLOAT -> mysql ? "DOUBLE" : "DOUBLE PRECISION";
      case BOOLEAN -> "BOOLEAN";
      case DATETIME -> mysql ? "DATETIME(6)" : "TIMESTAMP(6)";
      case DATE -> "DATE";
      case TEXT -> mysql ? "LONGTEXT" : "TEXT";
    };
  }

  /** A quoted identifier, refusing names the dialect cannot hold or that would break a line. */
  private String identifier(String name) {
    if (name.isEmpty()) {
      throw new IllegalStateException("cannot export as SQL: a column has an empty name");
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < 0x20) {
        throw new IllegalStateException("cannot export as SQL: column name '" + name.strip() + "' holds a control character or line break");
      }
    }
    if (dialect == SqlDialect.MYSQL) {
      if (name.length() > MYSQL_MAX_IDENTIFIER_CHARS || name.endsWith(" ")) {
        throw new IllegalStateException(
            "cannot export as SQL: MySQL column names must be at most 64 characters and not end with a space: '" + name + "'");
      }
      return '`' + name.replace("`", "``") + '`';
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > POSTGRESQL_MAX_IDENTIFIER_BYTES) {
      throw new IllegalStateException("cannot export as SQL: PostgreSQL column names must be at most 63 bytes: '" + name + "'");
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
