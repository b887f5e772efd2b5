package dev.doppel.domain.evaluation;

import dev.doppel.domain.job.JobLifecycle;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The quality and privacy scoring of a trained model, a job ({@link JobLifecycle}) without a
 * cancelled state: PENDING → RUNNING → COMPLETED | FAILED, or PENDING → FAILED.
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
    JobLifecycle<EvaluationStatus> queued = JobLifecycle.queued(subject(model), EvaluationStatus.class);
    return new Evaluation(model, target, queued.status(), Optional.empty(), queued.error(), now, queued.startedAt(), queued.finishedAt());
  }

  /**
   * An evaluation as it was stored, in whatever state. Only the persistence mappers restore
   * evaluations; every other change of state goes through the transitions below.
   */
  public static Evaluation restore(
      ModelId modelId, Optional<String> target, EvaluationStatus status, Optional<EvaluationReport> report, Optional<String> error, Instant requestedAt,
      Optional<Instant> startedAt, Optional<Instant> finishedAt) {
    return new Evaluation(modelId, target, status, report, error, requestedAt, startedAt, finishedAt);
  }

  /** The evaluation's lifecycle: status, error and times. */
  public JobLifecycle<EvaluationStatus> lifecycle() {
    return new JobLifecycle<>(subject(modelId), status, error, startedAt, finishedAt);
  }

  public Evaluation start(Instant now) {
    return with(lifecycle().start(now), report);
  }

  public Evaluation complete(EvaluationReport result, Instant now) {
    return with(lifecycle().complete(now), Optional.of(result));
  }

  public Evaluation fail(String reason, Instant now) {
    return with(lifecycle().fail(reason, "evaluation failed", now), Optional.empty());
  }

  private Evaluation with(JobLifecycle<EvaluationStatus> job, Optional<EvaluationReport> report) {
    return new Evaluation(modelId, target, job.status(), report, job.error(), requestedAt, job.startedAt(), job.finishedAt());
  }

  private static String subject(ModelId model) {
    return "evaluation of model " + model.value();
  }
}
