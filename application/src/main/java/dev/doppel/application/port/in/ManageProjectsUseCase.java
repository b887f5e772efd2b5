package dev.doppel.application.port.in;

import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.util.List;

/** A user's workspaces. Every method answers {@link NotFoundException} for another user's project. */
public interface ManageProjectsUseCase {
  Project create(CreateProjectCommand command);

  List<Project> list(UserId owner);

  Project get(UserId owner, ProjectId project);

  Project update(UpdateProjectCommand command);

  /** Deletes the project with its datasets, models, batches and every file of theirs. */
  void delete(UserId owner, ProjectId project);
}
