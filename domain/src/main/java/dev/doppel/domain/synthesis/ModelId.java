package dev.doppel.domain.synthesis;

public record ModelId(long value) {
  public ModelId {
    if (value <= 0) {
      throw new IllegalArgumentException("model id must be positive");
    }
  }
}
