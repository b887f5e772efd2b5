package dev.doppel.domain.connection;

import dev.doppel.domain.project.ProjectId;
import java.time.Instant;
import java.util.Objects;

/** A database a project reads tables from and writes synthetic tables to; its password is stored encrypted. */
public record DatabaseConnection(ConnectionId id, ProjectId projectId, String name, ConnectionDetails details, Instant createdAt) {
  public static final int MAX_NAME_LENGTH = 120;

  public DatabaseConnection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    name = validName(name);
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  static String validName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    String stripped = name.strip();
    if (stripped.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("name must not contain control characters");
    }
    return stripped;
  }
}
