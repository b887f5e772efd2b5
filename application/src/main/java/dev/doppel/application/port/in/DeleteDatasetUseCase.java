package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.user.UserId;

/** Deletes a dataset. Answers {@link NotFoundException} for another user's dataset. */
public interface DeleteDatasetUseCase {
  void delete(UserId owner, DatasetId dataset);
}
