package dev.doppel.domain.synthesis;

import java.util.Objects;

/** A rule across two settings, such as "batch_size must be a multiple of pac". */
public record SettingRule(String rule, String setting, String of, String message) {
  public static final String MULTIPLE_OF = "multipleOf";

  public SettingRule {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(of, "of");
    message = message == null ? setting + " must be a multiple of " + of : message;
  }

  void check(TrainingSettings settings) {
    if (!MULTIPLE_OF.equals(rule)) {
      return;
    }
    long value = settings.integer(setting).orElse(0L);
    long divisor = settings.integer(of).orElse(1L);
    if (divisor != 0 && value % divisor != 0) {
      throw new InvalidSettingsException(setting, message + " (" + setting + "=" + value + ", " + of + "=" + divisor + ")");
    }
  }
}
