package dev.doppel.application.port.in;

import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.util.List;

/** Reads a user's workspaces. Every method answers {@link NotFoundException} for another user's project. */
public interface FindProjectsUseCase {
  List<Project> list(UserId owner);

  Project get(UserId owner, ProjectId project);
}
