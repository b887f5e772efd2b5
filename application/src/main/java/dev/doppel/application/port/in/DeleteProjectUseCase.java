package dev.doppel.application.port.in;

import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;

/** Deletes a project. Answers {@link NotFoundException} for another user's project. */
public interface DeleteProjectUseCase {
  /** Deletes the project with its datasets, models, batches and every file of theirs. */
  void delete(UserId owner, ProjectId project);
}
