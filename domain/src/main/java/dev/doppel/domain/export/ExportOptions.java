package dev.doppel.domain.export;

import dev.doppel.domain.dataset.ColumnType;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * @param delimiter CSV only: the field separator
 * @param neutraliseFormulas CSV only: prefix cells starting with = + - @ tab or CR with a single
 *     quote so spreadsheets show them as text instead of running them; on unless a caller opts out
 * @param dialect SQL only
 * @param tableName SQL only: the table to create and insert into
 */
public record ExportOptions(char delimiter, boolean neutraliseFormulas, SqlDialect dialect, String tableName) {
  /** 63 characters at most: the longest name both MySQL (64 characters) and PostgreSQL (63 bytes) hold. */
  public static final String TABLE_NAME_PATTERN = "[A-Za-z_][A-Za-z0-9_]{0,62}";

  public static final ExportOptions DEFAULT = new ExportOptions(',', true, SqlDialect.MYSQL, "synthetic_data");

  public ExportOptions {
    Objects.requireNonNull(dialect, "dialect");
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
    }
    if (tableName == null || !tableName.matches(TABLE_NAME_PATTERN)) {
      throw new IllegalArgumentException("table name must be 1-63 letters, digits or underscores, not starting with a digit");
    }
  }

  /** A SQL dialect: MySQL also serves MariaDB. */
  public enum SqlDialect {
    MYSQL,
    POSTGRESQL;

    /** The dialect a query parameter names: mysql or mariadb, postgresql or postgres, in any case. */
    public static Optional<SqlDialect> parse(String name) {
      return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
        case "mysql", "mariadb" -> Optional.of(MYSQL);
        case "postgresql", "postgres" -> Optional.of(POSTGRESQL);
        default -> Optional.empty();
      };
    }

    /**
     * The SQL type a column of {@code type} is created with, in scripts and in writes to a database.
     *
     * @param key whether the column is part of a primary or foreign key: MySQL and MariaDB cannot
     *     index an unbounded text type, so key text is {@code VARCHAR(255)} there (an index holds at
     *     most 3072 bytes; 255 characters of utf8mb4 are 1020)
     * @param hasTime for datetime columns, whether their values have a time of day (else {@code DATE})
     */
    public String columnType(ColumnType type, boolean key, boolean hasTime) {
      boolean mysql = this == MYSQL;
      return switch (type) {
        case INTEGER -> "BIGINT";
        case FLOAT -> mysql ? "DOUBLE" : "DOUBLE PRECISION";
        case BOOLEAN -> "BOOLEAN";
        case DATETIME -> hasTime ? (mysql ? "DATETIME(6)" : "TIMESTAMP(6)") : "DATE";
        case ID, CATEGORICAL, TEXT -> mysql ? (key ? "VARCHAR(255)" : "LONGTEXT") : "TEXT";
      };
    }
  }
}
