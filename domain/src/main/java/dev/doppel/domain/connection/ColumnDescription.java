package dev.doppel.domain.connection;

import java.util.Objects;

/**
 * A column of a database table as the server declares it.
 *
 * @param sqlType the server's name for the column's type, e.g. {@code VARCHAR}, {@code int8}
 */
public record ColumnDescription(String name, String sqlType, boolean nullable) {
  public ColumnDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sqlType, "sqlType");
  }
}
