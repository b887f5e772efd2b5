package dev.doppel.adapter.database;

import dev.doppel.adapter.persistence.support.MariaDbServer;
import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.DatabaseKind;
import dev.doppel.domain.connection.DatabasePassword;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Against a real MariaDB server, through the driver production uses for MariaDB and MySQL; a MariaDB database is a schema. */
class MariaDbExternalDatabasesTest extends ExternalDatabasesContract {
  private static final String USER = "lahman";
  private static final String PASSWORD = "Lahman-Pass-2024";

  @Override
  ConnectionDetails freshDatabase(String name) {
    MariaDbServer server = MariaDbServer.shared();
    server.freshDatabase(name);
    try (Connection root = DriverManager.getConnection(server.jdbcUrl(name), server.username(), server.password());
        Statement statement = root.createStatement()) {
      statement.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
      statement.execute("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%'");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test user: " + e.getMessage(), e);
    }
    return new ConnectionDetails(DatabaseKind.MARIADB, "127.0.0.1", server.port(), name, USER, DatabasePassword.of(PASSWORD));
  }

  @Override
  String schemaOf(ConnectionDetails database) {
    return database.database();
  }

  @Override
  Connection connect(ConnectionDetails database) throws SQLException {
    MariaDbServer server = MariaDbServer.shared();
    return DriverManager.getConnection(server.jdbcUrl(database.database()), server.username(), server.password());
  }
}
