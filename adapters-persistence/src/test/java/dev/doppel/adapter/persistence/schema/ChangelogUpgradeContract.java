package dev.doppel.adapter.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * A database created by the first release (the customer's five tables only) upgrades to the
 * current changelog, and the rows it held come through: batches, which then always had a file,
 * become COMPLETED; models get empty settings; CSV datasets, which then had to be UTF-8, say so.
 */
abstract class ChangelogUpgradeContract {
  static final String MASTER = "db/changelog/db.changelog-master.yaml";
  static final String FIRST_RELEASE = "db/changelog/changes/001-initial-schema.yaml";

  /** An empty database of its own, for this test alone. */
  protected abstract Connection freshDatabase() throws SQLException;

  @Test
  void upgradesAFirstReleaseDatabaseKeepingItsModelsAndBatches() throws Exception {
    try (Connection connection = freshDatabase(); Statement sql = connection.createStatement()) {
      migrate(connection, FIRST_RELEASE);
      sql.execute("INSERT INTO users (id, username, password_hash, role) VALUES (1, 'legacy', 'h', 'USER')");
      sql.execute("INSERT INTO projects (id, user_id, name, description, created_at)"
          + " VALUES (1, 1, 'p', '', TIMESTAMP '2024-01-02 03:04:05')");
      sql.execute("INSERT INTO datasets (id, project_id, name, file_path, metadata, uploaded_at, file_format, size_bytes, sha256,"
          + " row_count) VALUES (1, 1, 'd', 'k', '{}', TIMESTAMP '2024-01-02 03:04:05', 'CSV', 0, REPEAT('a', 64), 0)");
      sql.execute("INSERT INTO datasets (id, project_id, name, file_path, metadata, uploaded_at, file_format, size_bytes, sha256,"
          + " row_count) VALUES (2, 1, 'p', 'q', '{}', TIMESTAMP '2024-01-02 03:04:05', 'PARQUET', 0, REPEAT('a', 64), 0)");
      sql.execute("INSERT INTO models (id, dataset_id, algorithm, status, model_file_path, created_at)"
          + " VALUES (1, 1, 'GaussianCopula', 'COMPLETED', 'models/1.pkl', TIMESTAMP '2024-01-02 03:04:05')");
      sql.execute("INSERT INTO synthetic_batches (id, model_id, file_path, row_count, generated_at)"
          + " VALUES (1, 1, 'batches/1.csv', 10, TIMESTAMP '2024-02-03 04:05:06')");

      migrate(connection, MASTER);
      migrate(connection, MASTER); // a restart finds nothing left to do

      assertThat(count(sql, "users WHERE id = 1 AND username = 'legacy' AND token_version = 0")).isOne();
      assertThat(count(sql, "models WHERE id = 1 AND settings IS NOT NULL AND model_file_path = 'models/1.pkl'")).isOne();
      assertThat(count(sql, "datasets WHERE id = 1 AND encoding = 'UTF-8'")).isOne();
      assertThat(count(sql, "datasets WHERE id = 2 AND encoding IS NULL")).isOne();
      assertThat(count(sql, "synthetic_batches WHERE id = 1 AND status = 'COMPLETED' AND requested_rows = 10 AND rows_done = 10"
          + " AND file_path = 'batches/1.csv' AND row_count = 10 AND created_at = generated_at AND finished_at = generated_at"
          + " AND started_at IS NULL AND anomaly_ratio IS NULL")).isOne();
      try (ResultSet settings = sql.executeQuery("SELECT settings FROM models WHERE id = 1")) {
        settings.next();
        assertThat(settings.getString(1)).isEqualTo("{}");
      }
    }
  }

  private static void migrate(Connection connection, String changelog) throws LiquibaseException {
    Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
    new Liquibase(changelog, new ClassLoaderResourceAccessor(), database).update(new Contexts(), new LabelExpression());
  }

  private static long count(Statement sql, String fromWhere) throws SQLException {
    try (ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + fromWhere)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
