package dev.doppel.domain.dataset;

import java.util.List;

/**
 * Moments and quantiles of a numeric or datetime column (datetimes in epoch seconds, UTC).
 *
 * @param quantiles the 1st, 5th, 25th, 50th, 75th, 95th and 99th percentiles
 * @param quantilesExact false when computed from a uniform sample of the column
 * @param maxFractionDigits the most digits after the decimal point seen in the source text
 */
public record NumericSummary(
    double min,
    double max,
    double mean,
    double std,
    List<Quantile> quantiles,
    boolean quantilesExact,
    int maxFractionDigits) {
  public NumericSummary {
    quantiles = List.copyOf(quantiles);
  }

  public record Quantile(double probability, double value) {}
}
