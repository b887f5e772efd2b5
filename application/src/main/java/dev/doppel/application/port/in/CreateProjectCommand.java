package dev.doppel.application.port.in;

import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectName;
import dev.doppel.domain.user.UserId;

public record CreateProjectCommand(UserId owner, ProjectName name, String description) {
  public CreateProjectCommand {
    Require.present("owner", owner);
    Require.present("name", name);
    String given = description;
    description = Require.field("description", () -> Project.normaliseDescription(given));
  }

  public static CreateProjectCommand of(UserId owner, String name, String description) {
    return new CreateProjectCommand(owner, Require.field("name", () -> new ProjectName(name)), description);
  }
}
