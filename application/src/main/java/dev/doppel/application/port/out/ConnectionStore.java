package dev.doppel.application.port.out;

import dev.doppel.domain.connection.ConnectionId;
import dev.doppel.domain.connection.DatabaseConnection;
import dev.doppel.domain.connection.NewDatabaseConnection;
import dev.doppel.domain.project.ProjectId;
import java.util.List;
import java.util.Optional;

/**
 * The database connections of each project. Passwords are kept encrypted: a store without its key
 * refuses to add one ({@link dev.doppel.application.port.in.ConflictException} naming the setting).
 */
public interface ConnectionStore {
  DatabaseConnection add(NewDatabaseConnection connection);

  Optional<DatabaseConnection> findById(ConnectionId id);

  /** In the order they were added. */
  List<DatabaseConnection> listByProject(ProjectId project);

  void delete(ConnectionId id);
}
