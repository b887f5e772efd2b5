package dev.doppel.domain.batch;

import java.util.Objects;

/** The stored result of a generation: a CSV under the data directory. */
public record BatchFile(String key, long rows, long anomalyRows, long sizeBytes, String sha256) {
  public BatchFile {
    Objects.requireNonNull(key, "key");
    if (rows < 0 || anomalyRows < 0 || sizeBytes < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
