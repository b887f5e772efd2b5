package dev.doppel.domain.relational;

import java.util.Objects;

/** What training learned from one table: its rows and how long it took. */
public record TableSummary(String table, long rows, double seconds) {
  public TableSummary {
    Objects.requireNonNull(table, "table");
  }
}
