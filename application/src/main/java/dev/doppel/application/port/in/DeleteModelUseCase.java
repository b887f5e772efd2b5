package dev.doppel.application.port.in;

import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;

/** Deletes a model. Answers {@link NotFoundException} for another user's model. */
public interface DeleteModelUseCase {
  /** Deletes the model, its batches, its evaluation and every file of theirs. */
  void delete(UserId owner, ModelId model);
}
