package dev.doppel.application.port.in;

import dev.doppel.domain.project.Project;

/** Renames or describes a project. Answers {@link NotFoundException} for another user's project. */
public interface UpdateProjectUseCase {
  Project update(UpdateProjectCommand command);
}
