package dev.doppel.domain.relational;

import java.util.Objects;

/**
 * How many rows a database batch generated for one table.
 *
 * @param anomalyRows how many of them are labelled anomalies; 0 for a table asked for none
 */
public record TableRows(String table, long rows, long anomalyRows) {
  public TableRows {
    Objects.requireNonNull(table, "table");
    if (anomalyRows < 0 || anomalyRows > rows) {
      throw new IllegalArgumentException("table " + table + " cannot have " + anomalyRows + " anomalies among " + rows + " rows");
    }
  }
}
