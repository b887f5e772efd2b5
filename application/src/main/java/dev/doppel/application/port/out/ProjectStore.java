package dev.doppel.application.port.out;

import dev.doppel.domain.project.NewProject;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.util.List;
import java.util.Optional;

public interface ProjectStore {
  Project add(NewProject project);

  /** The project, only if it exists and belongs to {@code owner}. */
  Optional<Project> findOwned(ProjectId id, UserId owner);

  List<Project> listOwnedBy(UserId owner);

  Project update(Project project);

  /** Removes the project and every row below it (datasets, models, batches). */
  void delete(ProjectId id);
}
