package dev.doppel.application.port.in;

import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.DatabaseKind;
import dev.doppel.domain.connection.DatabasePassword;
import dev.doppel.domain.connection.NewDatabaseConnection;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A database connection to add to a project; each value's problem names its request field. */
public record CreateConnectionCommand(UserId owner, ProjectId project, String name, ConnectionDetails details) {
  public CreateConnectionCommand {
    Require.present("owner", owner);
    Require.present("projectId", project);
    Require.present("name", name);
    Require.present("details", details);
  }

  /**
   * @param port null for the kind's default port
   * @param password null for none
   */
  public static CreateConnectionCommand of(
      UserId owner, ProjectId project, String name, String kind, String host, Integer port, String database, String username, String password) {
    DatabaseKind databaseKind = kindNamed(kind);
    try {
      ConnectionDetails details =
          new ConnectionDetails(
              databaseKind, host, port == null ? databaseKind.defaultPort() : port, database, username, DatabasePassword.of(password == null ? "" : password));
      return new CreateConnectionCommand(owner, project, new NewDatabaseConnection(project, name, details, Instant.EPOCH).name(), details);
    } catch (IllegalArgumentException e) {
      // The domain's messages begin with the value at fault, which is also the request field's name.
      throw new InvalidInputException(e.getMessage().split(" ", 2)[0], e.getMessage());
    }
  }

  private static DatabaseKind kindNamed(String kind) {
    Require.present("kind", kind);
    return Arrays.stream(DatabaseKind.values())
        .filter(k -> k.name().equalsIgnoreCase(kind.strip()))
        .findFirst()
        .orElseThrow(() -> new InvalidInputException(
            "kind", "kind must be one of " + Arrays.stream(DatabaseKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + " (MySQL connects as mariadb)"));
  }
}
