package dev.doppel.domain.batch;

public record BatchId(long value) {
  public BatchId {
    if (value <= 0) {
      throw new IllegalArgumentException("batch id must be positive");
    }
  }
}
