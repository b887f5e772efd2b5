package dev.doppel.application.port.in;

import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.util.Optional;

public interface GetEvaluationQuery {
  /** The model's evaluation in whatever state it is; empty before training has completed. */
  Optional<Evaluation> evaluation(UserId owner, ModelId model);
}
