package dev.doppel.domain.evaluation;

public enum EvaluationStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED
}
