package dev.doppel.domain.synthesis;

/** The differential-privacy budget a training actually used: (ε, δ). */
public record PrivacySpent(double epsilon, double delta) {
  public PrivacySpent {
    if (!(epsilon >= 0) || !(delta >= 0 && delta < 1)) {
      throw new IllegalArgumentException("ε must be non-negative and δ in [0, 1)");
    }
  }
}
