package dev.doppel.domain.evaluation;

import dev.doppel.domain.job.FailureReason;
import dev.doppel.domain.synthesis.IllegalTransitionException;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The quality and privacy scoring of a trained model: PENDING → RUNNING → COMPLETED | FAILED.
 *
 * @param target the column the utility test predicts; empty lets the engine choose
 */
public record Evaluation(
    ModelId modelId,
    Optional<String> target,
    EvaluationStatus status,
    Optional<EvaluationReport> report,
    Optional<String> error,
    Instant requestedAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  public Evaluation {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedAt, "requestedAt");
    if (status == EvaluationStatus.COMPLETED && report.isEmpty()) {
      throw new IllegalArgumentException("a completed evaluation needs its report");
    }
  }

  public static Evaluation requested(ModelId model, Instant now) {
    return requested(model, Optional.empty(), now);
  }

  public static Evaluation requested(ModelId model, Optional<String> target, Instant now) {
    return new Evaluation(model, target, EvaluationStatus.PENDING, Optional.empty(), Optional.empty(), now, Optional.empty(), Optional.empty());
  }

  public Evaluation start(Instant now) {
    require(status == EvaluationStatus.PENDING, EvaluationStatus.RUNNING);
    return new Evaluation(modelId, target, EvaluationStatus.RUNNING, report, error, requestedAt, Optional.of(now), finishedAt);
  }

  public Evaluation complete(EvaluationReport result, Instant now) {
    require(status == EvaluationStatus.RUNNING, EvaluationStatus.COMPLETED);
    return new Evaluation(modelId, target, EvaluationStatus.COMPLETED, Optional.of(result), Optional.empty(), requestedAt, startedAt, Optional.of(now));
  }

  public Evaluation fail(String reason, Instant now) {
    require(status == EvaluationStatus.PENDING || status == EvaluationStatus.RUNNING, EvaluationStatus.FAILED);
    return new Evaluation(
        modelId, target, EvaluationStatus.FAILED, Optional.empty(), Optional.of(FailureReason.of(reason, "evaluation failed")), requestedAt, startedAt, Optional.of(now));
  }

  private void require(boolean allowed, EvaluationStatus target) {
    if (!allowed) {
      throw new IllegalTransitionException("evaluation of model " + modelId.value(), status, target);
    }
  }
}
