package dev.doppel.application.port.out;

import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.relational.NewDatabaseModel;
import dev.doppel.domain.synthesis.ModelStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface DatabaseModelStore {
  DatabaseModel add(NewDatabaseModel model);

  Optional<DatabaseModel> findById(DatabaseModelId id);

  /** Newest first. */
  List<DatabaseModel> listByProject(ProjectId project);

  /** Oldest first. */
  List<DatabaseModel> listByStatus(ModelStatus status);

  DatabaseModel update(DatabaseModel model);

  /**
   * Atomically moves a PENDING database model to TRAINING, so that only one worker (on any node) runs it.
   *
   * @return the started model, or empty when it was no longer pending
   */
  Optional<DatabaseModel> claim(DatabaseModelId id, String modelFolderKey, Instant now);

  /** Atomically cancels a database model that is still PENDING; empty when it was not. */
  Optional<DatabaseModel> cancelIfPending(DatabaseModelId id, Instant now);

  /** Deletes it with its batches. */
  void delete(DatabaseModelId id);
}
