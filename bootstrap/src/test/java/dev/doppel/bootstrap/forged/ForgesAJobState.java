package dev.doppel.bootstrap.forged;

import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.time.Instant;

/** Breaks the job-state rule on purpose: it finishes a model by building the lifecycle itself. */
public final class ForgesAJobState {
  private ForgesAJobState() {}

  public static ModelStatus finish(SynthesisModel model, Instant now) {
    return model.lifecycle().complete(now).status();
  }
}
