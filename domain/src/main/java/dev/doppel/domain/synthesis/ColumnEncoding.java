package dev.doppel.domain.synthesis;

import java.util.Objects;

/**
 * How a model learns one column, as its algorithm chose from the column's profile (as a set of
 * values, digit by digit, in bins, as categories, …). Only algorithms that choose per column record
 * one.
 *
 * @param column the column
 * @param encoding the engine's word for the encoding
 * @param reason why it was chosen, in plain words
 */
public record ColumnEncoding(String column, String encoding, String reason) {
  public ColumnEncoding {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(reason, "reason");
  }
}
