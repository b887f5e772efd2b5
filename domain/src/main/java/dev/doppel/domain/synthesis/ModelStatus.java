package dev.doppel.domain.synthesis;

public enum ModelStatus {
  PENDING,
  TRAINING,
  COMPLETED,
  FAILED,
  CANCELLED;

  public boolean isFinished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
