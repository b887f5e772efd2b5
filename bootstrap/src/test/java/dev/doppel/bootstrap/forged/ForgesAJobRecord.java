package dev.doppel.bootstrap.forged;

import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationStatus;
import java.util.Optional;

/** Breaks the job-state rule on purpose: it writes an evaluation's status by calling the record's constructor. */
public final class ForgesAJobRecord {
  private ForgesAJobRecord() {}

  public static Evaluation failed(Evaluation evaluation) {
    return new Evaluation(
        evaluation.modelId(), evaluation.target(), EvaluationStatus.FAILED, Optional.empty(), Optional.of("forged"), evaluation.requestedAt(),
        evaluation.startedAt(), evaluation.finishedAt());
  }
}
