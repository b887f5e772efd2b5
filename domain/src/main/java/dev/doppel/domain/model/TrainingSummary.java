package dev.doppel.domain.model;

import java.util.List;
import java.util.Map;

/** What a finished training run reported: how long fitting took, its final metrics and warnings. */
public record TrainingSummary(double fitSeconds, Map<String, Double> finalMetrics, List<String> warnings) {
  public TrainingSummary {
    finalMetrics = Map.copyOf(finalMetrics);
    warnings = List.copyOf(warnings);
  }
}
