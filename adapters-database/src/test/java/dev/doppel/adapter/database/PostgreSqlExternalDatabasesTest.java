package dev.doppel.adapter.database;

import dev.doppel.adapter.persistence.support.PostgreSqlServer;
import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.DatabaseKind;
import dev.doppel.domain.connection.DatabasePassword;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Against a real PostgreSQL server; tables go into each database's {@code public} schema. */
class PostgreSqlExternalDatabasesTest extends ExternalDatabasesContract {
  @Override
  ConnectionDetails freshDatabase(String name) {
    PostgreSqlServer server = PostgreSqlServer.shared();
    server.freshDatabase(name);
    return new ConnectionDetails(DatabaseKind.POSTGRESQL, "127.0.0.1", server.port(), name, server.username(), DatabasePassword.of(server.password()));
  }

  @Override
  String schemaOf(ConnectionDetails database) {
    return "public";
  }

  @Override
  Connection connect(ConnectionDetails database) throws SQLException {
    PostgreSqlServer server = PostgreSqlServer.shared();
    return DriverManager.getConnection(server.jdbcUrl(database.database()), server.username(), server.password());
  }
}
