package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.util.List;

/** Reads a user's models. Every method answers {@link NotFoundException} for another user's model. */
public interface FindModelsUseCase {
  /** Answers from memory while the model trains, so it stays fast whatever the engine is doing. */
  ModelView get(UserId owner, ModelId model);

  List<ModelView> listByDataset(UserId owner, DatasetId dataset);

  List<ModelView> listByProject(UserId owner, ProjectId project);
}
