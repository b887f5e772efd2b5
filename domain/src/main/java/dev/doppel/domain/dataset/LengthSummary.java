package dev.doppel.domain.dataset;

/** Lengths, in characters, of a column's non-null source values. */
public record LengthSummary(int min, int max, double mean) {
  public static final LengthSummary EMPTY = new LengthSummary(0, 0, 0);
}
