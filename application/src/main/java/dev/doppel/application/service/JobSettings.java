package dev.doppel.application.service;

import java.time.Duration;

/**
 * @param maxGeneratedRows the largest {@code count} one generation may ask for
 * @param maxSampledRows the most rows one synchronous sample may ask for
 * @param evaluationRows rows generated for, and compared in, a model's evaluation (at most the
 *     real table's size)
 * @param progressWriteInterval how often running jobs write their progress to the store (the
 *     status endpoint reads live progress from memory in between)
 */
public record JobSettings(long maxGeneratedRows, int maxSampledRows, int evaluationRows, Duration progressWriteInterval) {
  public JobSettings {
    if (maxGeneratedRows < 1 || maxSampledRows < 1 || evaluationRows < 10) {
      throw new IllegalArgumentException("job limits are too small");
    }
  }
}
