package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.util.List;

/** Training jobs. Every method answers {@link NotFoundException} for another user's model. */
public interface ManageModelsUseCase {
  /** Validates the request against the engine's catalogue and queues the training; returns at once. */
  ModelView train(TrainModelCommand command);

  /** Answers from memory while the model trains, so it stays fast whatever the engine is doing. */
  ModelView get(UserId owner, ModelId model);

  List<ModelView> listByDataset(UserId owner, DatasetId dataset);

  List<ModelView> listByProject(UserId owner, ProjectId project);

  /** Stops a queued or running training. @throws ConflictException when it has already finished */
  ModelView cancel(UserId owner, ModelId model);

  /** Deletes the model, its batches, its evaluation and every file of theirs. */
  void delete(UserId owner, ModelId model);
}
