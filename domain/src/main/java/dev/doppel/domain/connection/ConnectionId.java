package dev.doppel.domain.connection;

public record ConnectionId(long value) {
  public ConnectionId {
    if (value <= 0) {
      throw new IllegalArgumentException("connection id must be positive");
    }
  }
}
