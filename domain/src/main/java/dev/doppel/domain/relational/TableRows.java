package dev.doppel.domain.relational;

import java.util.Objects;

/** How many rows a database batch generated for one table. */
public record TableRows(String table, long rows) {
  public TableRows {
    Objects.requireNonNull(table, "table");
  }
}
