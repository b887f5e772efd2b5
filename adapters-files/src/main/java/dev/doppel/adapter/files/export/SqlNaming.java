package dev.doppel.adapter.files.export;

import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** How a SQL script names and types tables and columns in one dialect. */
final class SqlNaming {
  private static final int MYSQL_MAX_IDENTIFIER_CHARS = 64;
  private static final int POSTGRESQL_MAX_IDENTIFIER_BYTES = 63;

  private final SqlDialect dialect;

  SqlNaming(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /** The statements that make the session read the script as UTF-8 (and, in PostgreSQL, backslashes as plain characters). */
  String sessionSettings() {
    return dialect == SqlDialect.MYSQL ? "SET NAMES utf8mb4;\n" : "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n";
  }

  /**
   * A {@code CREATE TABLE} statement (ending in {@code ;} and a line break) of the columns under
   * their script names.
   *
   * @param keyColumns the (own) names of the columns of a key, whose type an index must hold
   * @param keys the clauses after the columns: {@code PRIMARY KEY (...)}, {@code FOREIGN KEY (...) REFERENCES ...}
   */
  String createTable(String table, List<ExportColumn> columns, List<String> names, Set<String> keyColumns, List<String> keys) {
    StringJoiner parts = new StringJoiner(", ", "CREATE TABLE " + identifier(table) + " (", ")");
    for (int i = 0; i < columns.size(); i++) {
      ExportColumn column = columns.get(i);
      parts.add(identifier(names.get(i)) + " " + columnType(column, keyColumns.contains(column.name())));
    }
    keys.forEach(parts::add);
    return parts + (dialect == SqlDialect.MYSQL ? " DEFAULT CHARSET=utf8mb4" : "") + ";\n";
  }

  /** The start of an {@code INSERT} of every column, up to and including {@code VALUES }. */
  String insertInto(String table, List<String> names) {
    return names.stream().map(this::identifier).collect(Collectors.joining(", ", "INSERT INTO " + identifier(table) + " (", ") VALUES "));
  }

  /** A parenthesised list of quoted names. */
  String identifiers(List<String> names) {
    return names.stream().map(this::identifier).collect(Collectors.joining(", ", "(", ")"));
  }

  /** A comment line saying that a column is named otherwise in the script, and why. */
  String renamedNote(String column, String renamed) {
    return renamedNote("", column, renamed);
  }

  /** As {@link #renamedNote(String, String)}, for a script of several tables. */
  String renamedNote(String table, String column, String renamed) {
    return "-- column " + identifier(column) + (table.isEmpty() ? "" : " of table " + identifier(table)) + " is named " + identifier(renamed) + " here: "
        + (dialect == SqlDialect.MYSQL ? "MySQL names are at most 64 characters and do not end with a space" : "PostgreSQL names are at most 63 bytes")
        + "\n";
  }

  /** See {@link SqlDialect#columnType}: a text column of a key is bounded in MySQL, which cannot index unbounded text. */
  private String columnType(ExportColumn column, boolean key) {
    return dialect.columnType(column.type(), key, column.kind() == ExportColumn.Kind.DATETIME);
  }

  /**
   * The names the columns get in the script: their own where the dialect can hold them, else a
   * prefix, an underscore and eight hex digits of the full name's SHA-256, unique within the table
   * (MySQL compares column names without case).
   */
  List<String> columnNames(List<ExportColumn> columns) {
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
  String identifier(String name) {
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
