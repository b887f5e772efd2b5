package dev.doppel.application.port.out;

import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface EvaluationStore {
  /** Inserts or replaces the model's evaluation. */
  Evaluation save(Evaluation evaluation);

  Optional<Evaluation> find(ModelId model);

  /** Oldest request first. */
  List<Evaluation> listByStatus(EvaluationStatus status);

  /** Atomically moves a PENDING evaluation to RUNNING, so that only one worker (on any node) runs it; empty when it was no longer pending. */
  Optional<Evaluation> claim(ModelId model, Instant now);
}
