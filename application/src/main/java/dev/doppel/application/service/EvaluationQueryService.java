package dev.doppel.application.service;

import dev.doppel.application.port.in.GetEvaluationQuery;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.util.Optional;

public class EvaluationQueryService implements GetEvaluationQuery {
  private final Ownership ownership;
  private final EvaluationStore evaluations;

  public EvaluationQueryService(ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, EvaluationStore evaluations) {
    this.ownership = new Ownership(projects, datasets, models, batches);
    this.evaluations = evaluations;
  }

  @Override
  public Optional<Evaluation> evaluation(UserId owner, ModelId model) {
    ownership.model(owner, model, "id");
    return evaluations.find(model);
  }
}
