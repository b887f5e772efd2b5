package dev.doppel.adapter.files.export;

import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
 * text {@code LONGTEXT} (PostgreSQL {@code TEXT}). Numbers are written as Java prints them, which
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
    List<String> names = columnNames(columns);
    StringBuilder create = new StringBuilder("CREATE TABLE ").append(identifier(table)).append(" (");
    StringBuilder insert = new StringBuilder("INSERT INTO ").append(identifier(table)).append(" (");
    for (int i = 0; i < this.columns.length; i++) {
      String name = identifier(names.get(i));
      create.append(i > 0 ? ", " : "").append(name).append(' ').append(columnType(this.columns[i]));
      insert.append(i > 0 ? ", " : "").append(name);
    }
    create.append(')').append(dialect == SqlDialect.MYSQL ? " DEFAULT CHARSET=utf8mb4" : "").append(";\n");
    this.insert = insert.append(") VALUES ").toString();
    for (int i = 0; i < this.columns.length; i++) {
      if (!names.get(i).equals(this.columns[i].name())) {
        out.text("-- column " + identifier(this.columns[i].name()) + " is named " + identifier(names.get(i)) + " here: "
            + (dialect == SqlDialect.MYSQL ? "MySQL names are at most 64 characters and do not end with a space" : "PostgreSQL names are at most 63 bytes")
            + "\n");
      }
    }
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

  /**
   * The names the columns get in the script: their own where the dialect can hold them, else a
   * prefix, an underscore and eight hex digits of the full name's SHA-256, unique within the table
   * (MySQL compares column names without case).
   */
  private List<String> columnNames(List<ExportColumn> columns) {
    List<String> names = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (ExportColumn column : columns) {
      if (fits(column.name())) {
        taken.add(column.name().toLowerCase(Locale.ROOT));
      }
    }
    for (ExportColumn column : columns) {
      String name = column.name();
      if (!fits(name)) {
        String shortened;
        int attempt = 0;
        do {
          String hash = sha256Hex(attempt == 0 ? name : name + "#" + attempt).substring(0, 8);
          shortened = prefix(name, dialect == SqlDialect.MYSQL ? MYSQL_MAX_IDENTIFIER_CHARS - 9 : POSTGRESQL_MAX_IDENTIFIER_BYTES - 9) + "_" + hash;
          attempt++;
        } while (!taken.add(shortened.toLowerCase(Locale.ROOT)));
        name = shortened;
      }
      names.add(name);
    }
    return names;
  }

  private boolean fits(String name) {
    return dialect == SqlDialect.MYSQL
        ? name.codePointCount(0, name.length()) <= MYSQL_MAX_IDENTIFIER_CHARS && !name.endsWith(" ")
        : name.getBytes(StandardCharsets.UTF_8).length <= POSTGRESQL_MAX_IDENTIFIER_BYTES;
  }

  /** The longest start of the name within the budget (characters for MySQL, UTF-8 bytes for PostgreSQL), whole code points only. */
  private String prefix(String name, int budget) {
    int end = 0;
    int used = 0;
    while (end < name.length()) {
      int codePoint = name.codePointAt(end);
      int cost = dialect == SqlDialect.MYSQL ? 1 : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (used + cost > budget) {
        break;
      }
      used += cost;
      end += Character.charCount(codePoint);
    }
    return name.substring(0, end);
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** A quoted identifier, refusing names that would break a line. */
  private String identifier(String name) {
    if (name.isEmpty()) {
      throw new IllegalStateException("cannot export as SQL: a column has an empty name");
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < 0x20) {
        throw new IllegalStateException("cannot export as SQL: column name '" + name.strip() + "' holds a control character or line break");
      }
    }
    return dialect == SqlDialect.MYSQL ? '`' + name.replace("`", "``") + '`' : '"' + name.replace("\"", "\"\"") + '"';
  }
}
