package dev.doppel.domain.batch;

public enum BatchStatus {
  PENDING,
  GENERATING,
  COMPLETED,
  FAILED,
  CANCELLED;

  public boolean isFinished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
