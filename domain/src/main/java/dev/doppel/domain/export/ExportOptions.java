package dev.doppel.domain.export;

import java.util.Objects;

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

  public enum SqlDialect {
    MYSQL,
    POSTGRESQL
  }
}
