package dev.doppel.bootstrap.forged;

import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.time.Instant;

/** Keeps the job-state rule: it moves a model by its own transition and rebuilds an evaluation as persistence does. */
public final class MovesAJobThroughItsTransitions {
  private MovesAJobThroughItsTransitions() {}

  public static SynthesisModel cancel(SynthesisModel model, Instant now) {
    return model.cancel(now);
  }

  public static Evaluation reload(Evaluation stored) {
    return Evaluation.restore(
        stored.modelId(), stored.target(), stored.status(), stored.report(), stored.error(), stored.requestedAt(), stored.startedAt(), stored.finishedAt());
  }
}
