package dev.doppel.domain.evaluation;

import java.util.Objects;

/**
 * How faithful and how private a model's output is. The scores are in [0, 1]; {@code document}
 * is the engine's full report (per-column and pair scores, chart data) as JSON.
 */
public record EvaluationReport(double qualityScore, double privacyScore, String document) {
  public EvaluationReport {
    Objects.requireNonNull(document, "document");
    if (!(qualityScore >= 0 && qualityScore <= 1) || !(privacyScore >= 0 && privacyScore <= 1)) {
      throw new IllegalArgumentException("scores must lie in [0, 1]");
    }
  }
}
