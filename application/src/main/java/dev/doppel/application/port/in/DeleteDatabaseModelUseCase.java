package dev.doppel.application.port.in;

import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.user.UserId;

public interface DeleteDatabaseModelUseCase {
  /** Stops its jobs, then removes it with its batches and all their files. */
  void delete(UserId owner, DatabaseModelId model);
}
