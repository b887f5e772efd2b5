package dev.doppel.adapter.database;

import dev.doppel.application.port.out.ExternalDatabaseException.Reason;
import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.DatabaseKind;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** What differs between the database servers: URLs, quoting, types, read-only sessions and error codes. */
interface Dialect {
  static Dialect of(DatabaseKind kind) {
    return switch (kind) {
      case MARIADB -> new MariaDbDialect();
      case POSTGRESQL -> new PostgreSqlDialect();
    };
  }

  /** The URL without credentials; they go in the properties. */
  String jdbcUrl(ConnectionDetails details);

  /**
   * Driver settings: time limits, streaming for reads, batched inserts for writes. The user and
   * password are added by the caller.
   */
  Properties driverProperties();

  /** Makes the session's transactions read-only on the server, not just in the driver. */
  String readOnlySession();

  String versionQuery();

  /** The server's own schemas, which listings leave out. */
  boolean isSystemSchema(String schema);

  /** The table types {@link java.sql.DatabaseMetaData#getTables} lists as the user's tables. */
  String[] tableTypes();

  String quote(String identifier);

  default String qualified(String schema, String table) {
    return quote(schema) + "." + quote(table);
  }

  /** The dialect of SQL this server speaks, which also gives its column types. */
  SqlDialect sqlDialect();

  /** See {@link SqlDialect#columnType}. */
  default String columnType(ColumnType type, boolean key, boolean hasTime) {
    return sqlDialect().columnType(type, key, hasTime);
  }

  /** What follows a {@code CREATE TABLE}'s closing parenthesis. */
  String tableOptions();

  /** Whether {@code CREATE} and {@code DROP TABLE} take part in a transaction (else they commit at once). */
  boolean transactionalDdl();

  /** Text as the server can store it. */
  default String storable(String text) {
    return text;
  }

  /** Why a statement or login failed, when the server's code says so plainly. */
  Optional<Reason> reasonOf(SQLException e);

  /** SQLSTATE classes every server shares: 08 connection, 28 authorisation. */
  static Optional<Reason> standardReason(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      return Optional.empty();
    }
    if (state.startsWith("08")) {
      return Optional.of(Reason.UNREACHABLE);
    }
    if (state.startsWith("28")) {
      return Optional.of(Reason.AUTHENTICATION_FAILED);
    }
    return Optional.empty();
  }

  /** {@code host:port} as JDBC URLs write it, an IPv6 address in brackets. */
  static String hostAndPort(ConnectionDetails details) {
    String host = details.host().contains(":") ? "[" + details.host() + "]" : details.host();
    return host + ":" + details.port();
  }

  static String quoteWith(char quote, String identifier) {
    if (identifier.isEmpty() || identifier.chars().anyMatch(c -> c == 0)) {
      throw new IllegalArgumentException("a table or column name must not be empty or hold a NUL character");
    }
    String q = String.valueOf(quote);
    return q + identifier.replace(q, q + q) + q;
  }
}
