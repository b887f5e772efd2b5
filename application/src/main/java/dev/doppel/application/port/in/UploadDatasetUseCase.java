package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.Dataset;

/** Stores an uploaded table in a project. Answers {@link NotFoundException} for another user's project. */
public interface UploadDatasetUseCase {
  /**
   * Stores the file under a server-chosen name, infers its types and summary in one pass, and
   * records it. A failed upload leaves no file and no row behind.
   */
  Dataset upload(UploadDatasetCommand command);
}
