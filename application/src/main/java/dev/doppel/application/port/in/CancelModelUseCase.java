package dev.doppel.application.port.in;

import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;

/** Stops a training. Answers {@link NotFoundException} for another user's model. */
public interface CancelModelUseCase {
  /** Stops a queued or running training. @throws ConflictException when it has already finished */
  ModelView cancel(UserId owner, ModelId model);
}
