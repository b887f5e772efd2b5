package dev.doppel.domain.dataset;

import java.util.List;

/**
 * Counts of values in consecutive bins; {@code edges} has one more element than {@code counts}.
 * When {@code exact} is false the counts were scaled up from a uniform sample.
 */
public record Histogram(List<Double> edges, List<Long> counts, boolean exact) {
  public Histogram {
    edges = List.copyOf(edges);
    counts = List.copyOf(counts);
    if (!counts.isEmpty() && edges.size() != counts.size() + 1) {
      throw new IllegalArgumentException("a histogram needs one more edge than bins");
    }
  }
}
