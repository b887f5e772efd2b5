package dev.doppel.adapter.persistence.schema;

import dev.doppel.adapter.persistence.support.H2Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

class ChangelogUpgradeH2Test extends ChangelogUpgradeContract {
  @Override
  protected Connection freshDatabase() throws SQLException {
    return DriverManager.getConnection(H2Files.jdbcUrl("upgrade-" + System.nanoTime()), "sa", "");
  }
}
