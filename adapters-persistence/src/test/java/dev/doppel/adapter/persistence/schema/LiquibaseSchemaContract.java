package dev.doppel.adapter.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.PersistenceContract;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The changelog builds the customer's schema (SPEC §2) the same way on every database. */
abstract class LiquibaseSchemaContract extends PersistenceContract {
  static final Map<String, Set<String>> CUSTOMER_TABLES = new LinkedHashMap<>();

  static {
    CUSTOMER_TABLES.put("users", Set.of("id", "username", "password_hash", "role"));
    CUSTOMER_TABLES.put("projects", Set.of("id", "user_id", "name", "description", "created_at"));
    CUSTOMER_TABLES.put("datasets", Set.of("id", "project_id", "name", "file_path", "metadata", "uploaded_at",
        "file_format", "delimiter_char", "size_bytes", "sha256", "row_count"));
    CUSTOMER_TABLES.put("models", Set.of("id", "dataset_id", "algorithm", "status", "model_file_path", "training_metrics",
        "created_at"));
    CUSTOMER_TABLES.put("synthetic_batches", Set.of("id", "model_id", "file_path", "row_count", "generated_at"));
  }

  @Autowired
  protected JdbcTemplate jdbc;

  @Test
  void createsExactlyTheFiveCustomerTablesWithTheirColumns() {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c"
            + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            + " WHERE c.table_schema = SCHEMA() AND t.table_type = 'BASE TABLE'"
            + " AND LOWER(c.table_name) NOT LIKE 'databasechangelog%'");
    Map<String, Set<String>> actual = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      actual.computeIfAbsent(lower(row.get("t")), k -> new TreeSet<>()).add(lower(row.get("c")));
    }

    assertThat(actual).isEqualTo(sorted(CUSTOMER_TABLES));
  }

  @Test
  void keepsMicrosecondsInEveryTimestampColumn() {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT table_name AS t, column_name AS c, datetime_precision AS p FROM information_schema.columns"
            + " WHERE table_schema = SCHEMA() AND LOWER(column_name) IN ('created_at', 'uploaded_at', 'generated_at')");
    Map<String, Integer> precisions = new TreeMap<>();
    rows.forEach(row -> precisions.put(lower(row.get("t")) + "." + lower(row.get("c")), ((Number) row.get("p")).intValue()));

    assertThat(precisions).isEqualTo(Map.of(
        "projects.created_at", 6, "datasets.uploaded_at", 6, "models.created_at", 6, "synthetic_batches.generated_at", 6));
  }

  @Test
  void everyForeignKeyCascadesDeletes() {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT constraint_name AS n, delete_rule AS r FROM information_schema.referential_constraints"
            + " WHERE constraint_schema = SCHEMA()");
    Map<String, String> rules = new TreeMap<>();
    rows.forEach(row -> rules.put(lower(row.get("n")), String.valueOf(row.get("r"))));

    assertThat(rules).isEqualTo(Map.of(
        "fk_projects_user", "CASCADE",
        "fk_datasets_project", "CASCADE",
        "fk_models_dataset", "CASCADE",
        "fk_synthetic_batches_model", "CASCADE"));
  }

  @Test
  void acceptsAnyAlgorithmNameAndTheCancelledStatus() {
    jdbc.update("INSERT INTO users (username, password_hash, role) VALUES ('schema-probe', 'h', 'USER')");
    long user = jdbc.queryForObject("SELECT id FROM users WHERE username = 'schema-probe'", Long.class);
    jdbc.update("INSERT INTO projects (user_id, name, description, created_at) VALUES (?, 'p', '', CURRENT_TIMESTAMP)", user);
    long project = jdbc.queryForObject("SELECT id FROM projects WHERE user_id = ?", Long.class, user);
    jdbc.update("INSERT INTO datasets (project_id, name, file_path, metadata, uploaded_at, file_format, size_bytes, sha256, row_count)"
        + " VALUES (?, 'd', 'k', '{}', CURRENT_TIMESTAMP, 'CSV', 0, REPEAT('a', 64), 0)", project);
    long dataset = jdbc.queryForObject("SELECT id FROM datasets WHERE project_id = ?", Long.class, project);

    jdbc.update("INSERT INTO models (dataset_id, algorithm, status, created_at) VALUES (?, 'SomeFutureSynthesizer', 'CANCELLED',"
        + " CURRENT_TIMESTAMP)", dataset);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM models WHERE dataset_id = ?", Long.class, dataset)).isOne();
    jdbc.update("DELETE FROM users WHERE id = ?", user);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM models WHERE dataset_id = ?", Long.class, dataset)).isZero();
  }

  private static String lower(Object value) {
    return String.valueOf(value).toLowerCase(Locale.ROOT);
  }

  private static Map<String, Set<String>> sorted(Map<String, Set<String>> tables) {
    Map<String, Set<String>> result = new TreeMap<>();
    tables.forEach((table, columns) -> result.put(table, new TreeSet<>(columns)));
    return result;
  }
}
