package dev.doppel.application.port.in;

import dev.doppel.domain.connection.ConnectionId;
import dev.doppel.domain.connection.DatabaseConnection;
import dev.doppel.domain.connection.TableDescription;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.util.List;

/**
 * Reads a project's database connections and, through them, the databases. Another user's
 * connection answers {@link NotFoundException}; a database that cannot be used throws {@link
 * dev.doppel.application.port.out.ExternalDatabaseException} with a reason that never holds the password.
 */
public interface FindConnectionsUseCase {
  List<DatabaseConnection> list(UserId owner, ProjectId project);

  DatabaseConnection get(UserId owner, ConnectionId connection);

  /** Logs in read-only; returns the server's version. */
  String test(UserId owner, ConnectionId connection);

  List<String> schemas(UserId owner, ConnectionId connection);

  List<TableDescription> tables(UserId owner, ConnectionId connection, String schema);
}
