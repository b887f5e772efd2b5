package dev.doppel.domain.user;

public record ApiTokenId(long value) {
  public ApiTokenId {
    if (value <= 0) {
      throw new IllegalArgumentException("API token id must be positive");
    }
  }
}
