package dev.doppel.domain.synthesis;

import java.util.Map;

/** The metrics reported at the end of one epoch, for the live loss chart. */
public record LossPoint(int epoch, Map<String, Double> metrics) {
  public LossPoint {
    metrics = Map.copyOf(metrics);
  }
}
