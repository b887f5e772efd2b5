package dev.doppel.application.port.out;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ModelStore {
  SynthesisModel add(NewModel model);

  Optional<SynthesisModel> findById(ModelId id);

  /** Newest first. */
  List<SynthesisModel> listByDataset(DatasetId dataset);

  /** Newest first. */
  List<SynthesisModel> listByProject(ProjectId project);

  /** Oldest first. */
  List<SynthesisModel> listByStatus(ModelStatus status);

  SynthesisModel update(SynthesisModel model);

  /**
   * Atomically moves a PENDING model to TRAINING, so that only one worker (on any node) runs it.
   *
   * @return the started model, or empty when it was no longer pending
   */
  Optional<SynthesisModel> claim(ModelId id, String modelFolderKey, Instant now);

  /** Atomically cancels a model that is still PENDING; empty when it was not. */
  Optional<SynthesisModel> cancelIfPending(ModelId id, Instant now);

  /** How many PENDING models were queued before this one. */
  int queuePosition(ModelId id);

  void delete(ModelId id);
}
