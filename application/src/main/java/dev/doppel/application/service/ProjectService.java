package dev.doppel.application.service;

import dev.doppel.application.port.in.CreateProjectCommand;
import dev.doppel.application.port.in.CreateProjectUseCase;
import dev.doppel.application.port.in.DeleteProjectUseCase;
import dev.doppel.application.port.in.FindProjectsUseCase;
import dev.doppel.application.port.in.UpdateProjectUseCase;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.in.UpdateProjectCommand;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.domain.project.NewProject;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.time.Clock;
import java.util.List;

public class ProjectService implements CreateProjectUseCase, FindProjectsUseCase, UpdateProjectUseCase, DeleteProjectUseCase {
  private final ProjectStore projects;
  private final CascadingDeletion deletion;
  private final Clock clock;

  public ProjectService(ProjectStore projects, CascadingDeletion deletion, Clock clock) {
    this.projects = projects;
    this.deletion = deletion;
    this.clock = clock;
  }

  @Override
  public Project create(CreateProjectCommand command) {
    return projects.add(new NewProject(command.owner(), command.name(), command.description(), clock.instant()));
  }

  @Override
  public List<Project> list(UserId owner) {
    return projects.listOwnedBy(owner);
  }

  @Override
  public Project get(UserId owner, ProjectId project) {
    return owned(owner, project);
  }

  @Override
  public Project update(UpdateProjectCommand command) {
    Project project = owned(command.owner(), command.project());
    Project changed = command.name().map(project::renamed).orElse(project);
    changed = command.description().map(changed::describedAs).orElse(changed);
    return projects.update(changed);
  }

  @Override
  public void delete(UserId owner, ProjectId project) {
    owned(owner, project);
    deletion.deleteProject(project);
  }

  private Project owned(UserId owner, ProjectId project) {
    return projects.findOwned(project, owner).orElseThrow(() -> new NotFoundException("project", project.value(), "id"));
  }
}
