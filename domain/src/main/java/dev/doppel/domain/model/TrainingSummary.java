package dev.doppel.domain.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a finished training run reported: how long fitting took, its final metrics and warnings, and
 * for a differentially private training the privacy budget it spent.
 */
public record TrainingSummary(double fitSeconds, Map<String, Double> finalMetrics, List<String> warnings, Optional<PrivacySpent> privacySpent) {
  public TrainingSummary {
    finalMetrics = Map.copyOf(finalMetrics);
    warnings = List.copyOf(warnings);
    privacySpent = privacySpent == null ? Optional.empty() : privacySpent;
  }

  public TrainingSummary(double fitSeconds, Map<String, Double> finalMetrics, List<String> warnings) {
    this(fitSeconds, finalMetrics, warnings, Optional.empty());
  }
}
