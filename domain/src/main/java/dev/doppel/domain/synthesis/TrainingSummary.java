package dev.doppel.domain.synthesis;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a finished training run reported: how long fitting took, its final metrics and warnings, for
 * a differentially private training the privacy budget it spent, the rules it found in the training
 * rows (none for models trained before rules were detected) and how it learns each column (none for
 * algorithms that do not choose per column, and for models trained before they were recorded).
 */
public record TrainingSummary(
    double fitSeconds,
    Map<String, Double> finalMetrics,
    List<String> warnings,
    Optional<PrivacySpent> privacySpent,
    List<ModelRule> rules,
    List<ColumnEncoding> encodings) {
  public TrainingSummary {
    finalMetrics = Map.copyOf(finalMetrics);
    warnings = List.copyOf(warnings);
    privacySpent = privacySpent == null ? Optional.empty() : privacySpent;
    rules = rules == null ? List.of() : List.copyOf(rules);
    encodings = encodings == null ? List.of() : List.copyOf(encodings);
  }

  public TrainingSummary(
      double fitSeconds, Map<String, Double> finalMetrics, List<String> warnings, Optional<PrivacySpent> privacySpent, List<ModelRule> rules) {
    this(fitSeconds, finalMetrics, warnings, privacySpent, rules, List.of());
  }

  public TrainingSummary(double fitSeconds, Map<String, Double> finalMetrics, List<String> warnings, Optional<PrivacySpent> privacySpent) {
    this(fitSeconds, finalMetrics, warnings, privacySpent, List.of());
  }

  public TrainingSummary(double fitSeconds, Map<String, Double> finalMetrics, List<String> warnings) {
    this(fitSeconds, finalMetrics, warnings, Optional.empty());
  }
}
