package dev.doppel.adapter.persistence.schema;

import dev.doppel.adapter.persistence.support.MariaDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

class ChangelogUpgradeMariaDbTest extends ChangelogUpgradeContract {
  @Override
  protected Connection freshDatabase() throws SQLException {
    MariaDbServer server = MariaDbServer.shared();
    return DriverManager.getConnection(server.freshDatabase("doppel_upgrade"), server.username(), server.password());
  }
}
