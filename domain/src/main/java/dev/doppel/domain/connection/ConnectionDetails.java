package dev.doppel.domain.connection;

import java.util.Objects;

/**
 * Where a database is and how to log in to it. Its text form names the server, never the password.
 *
 * @param host a host name or IP address, without scheme or port
 * @param database the database to open (for MariaDB/MySQL, the default schema of the session)
 */
public record ConnectionDetails(DatabaseKind kind, String host, int port, String database, String username, DatabasePassword password) {
  public ConnectionDetails {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(password, "password");
    host = required(host, "host");
    if (host.chars().anyMatch(c -> c == '/' || c == '?' || c == '#' || c == '@' || Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException("host must be a host name or IP address, without scheme, path or spaces");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535");
    }
    database = required(database, "database");
    username = required(username, "username");
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(field + " must not contain control characters");
    }
    return value.strip();
  }

  /** {@code kind} server {@code host:port/database} as {@code username}, for messages. */
  @Override
  public String toString() {
    return kind.displayName() + " " + host + ":" + port + "/" + database + " as " + username;
  }
}
