package dev.doppel.domain.project;

import dev.doppel.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** A project about to be stored, before the store has given it an id. */
public record NewProject(UserId ownerId, ProjectName name, String description, Instant createdAt) {
  public NewProject {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    description = Project.normaliseDescription(description);
  }
}
