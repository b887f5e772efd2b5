package dev.doppel.application.port.in;

import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.project.ProjectName;
import dev.doppel.domain.user.UserId;
import java.util.Optional;

/** Changes only what is present. */
public record UpdateProjectCommand(UserId owner, ProjectId project, Optional<ProjectName> name, Optional<String> description) {
  public UpdateProjectCommand {
    Require.present("owner", owner);
    Require.present("id", project);
    description.ifPresent(d -> Require.field("description", () -> Project.normaliseDescription(d)));
  }

  public static UpdateProjectCommand of(UserId owner, ProjectId project, String name, String description) {
    return new UpdateProjectCommand(
        owner,
        project,
        Optional.ofNullable(name).map(n -> Require.field("name", () -> new ProjectName(n))),
        Optional.ofNullable(description));
  }
}
