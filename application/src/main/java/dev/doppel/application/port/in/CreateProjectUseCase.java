package dev.doppel.application.port.in;

import dev.doppel.domain.project.Project;

/** Creates a workspace for the user the command names. */
public interface CreateProjectUseCase {
  Project create(CreateProjectCommand command);
}
