package dev.doppel.domain.dataset;

public record DatasetId(long value) {
  public DatasetId {
    if (value <= 0) {
      throw new IllegalArgumentException("dataset id must be positive");
    }
  }
}
