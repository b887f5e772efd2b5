package dev.doppel.application.service;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.EvaluateModelCommand;
import dev.doppel.application.port.in.EvaluateModelUseCase;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobQueue;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.synthesis.ModelStatus;
import java.time.Clock;

public class EvaluateModelService implements EvaluateModelUseCase {
  private final Ownership ownership;
  private final EvaluationStore evaluations;
  private final JobQueue jobs;
  private final Clock clock;

  public EvaluateModelService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, EvaluationStore evaluations, JobQueue jobs, Clock clock) {
    this.ownership = new Ownership(projects, datasets, models, batches);
    this.evaluations = evaluations;
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public Evaluation evaluate(EvaluateModelCommand command) {
    Ownership.OwnedModel owned = ownership.model(command.owner(), command.model(), "id");
    long id = command.model().value();
    if (owned.model().status() != ModelStatus.COMPLETED) {
      throw new ConflictException("id", "model " + id + " is " + owned.model().status() + "; only a COMPLETED model can be evaluated");
    }
    command.target()
        .filter(target -> owned.dataset().profile().schema().stream().noneMatch(column -> column.name().equals(target)))
        .ifPresent(target -> {
          throw new InvalidInputException(
              "target",
              "target: '" + shortened(target) + "' is not a column of model " + id + "'s table; GET /api/datasets/" + owned.dataset().id().value()
                  + " lists its columns");
        });
    evaluations.find(command.model())
        .filter(e -> e.status() == EvaluationStatus.PENDING || e.status() == EvaluationStatus.RUNNING)
        .ifPresent(e -> {
          throw new ConflictException("id", "model " + id + " is being evaluated (" + e.status() + "); ask again once that evaluation has finished");
        });
    Evaluation requested = evaluations.save(Evaluation.requested(command.model(), command.target(), clock.instant()));
    jobs.queue(new JobKey.Evaluation(command.model()));
    return requested;
  }

  private static String shortened(String value) {
    return value.length() <= 256 ? value : value.substring(0, 256) + "…";
  }
}
