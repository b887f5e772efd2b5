package dev.doppel.domain.connection;

import dev.doppel.domain.project.ProjectId;
import java.time.Instant;
import java.util.Objects;

/** A connection about to be stored, before the store has given it an id. */
public record NewDatabaseConnection(ProjectId projectId, String name, ConnectionDetails details, Instant createdAt) {
  public NewDatabaseConnection {
    Objects.requireNonNull(projectId, "projectId");
    name = DatabaseConnection.validName(name);
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
