package dev.doppel.domain.project;

import dev.doppel.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** A workspace owned by one user; everything a user uploads or trains lives in one. */
public record Project(ProjectId id, UserId ownerId, ProjectName name, String description, Instant createdAt) {
  public static final int MAX_DESCRIPTION_LENGTH = 2000;

  public Project {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    description = normaliseDescription(description);
  }

  public boolean isOwnedBy(UserId user) {
    return ownerId.equals(user);
  }

  public Project renamed(ProjectName newName) {
    return new Project(id, ownerId, newName, description, createdAt);
  }

  public Project describedAs(String newDescription) {
    return new Project(id, ownerId, name, newDescription, createdAt);
  }

  public static String normaliseDescription(String description) {
    String value = description == null ? "" : description.strip();
    if (value.length() > MAX_DESCRIPTION_LENGTH) {
      throw new IllegalArgumentException("description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
    }
    return value;
  }
}
