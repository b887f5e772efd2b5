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

/**
 * The changelog builds the customer's schema (SPEC §2) the same way on every database: the
 * customer's five tables with their columns, the product's columns beside them, and the
 * product's model_evaluations.
 */
abstract class LiquibaseSchemaContract extends PersistenceContract {
  static final Map<String, Set<String>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("users", Set.of("id", "username", "password_hash", "role", "token_version"));
    TABLES.put("projects", Set.of("id", "user_id", "name", "description", "created_at"));
    TABLES.put("datasets", Set.of("id", "project_id", "name", "file_path", "metadata", "uploaded_at",
        "file_format", "delimiter_char", "encoding", "size_bytes", "sha256", "row_count"));
    TABLES.put("models", Set.of("id", "dataset_id", "algorithm", "status", "model_file_path", "training_metrics",
        "created_at",
        "settings", "differential_privacy", "seed", "progress", "loss_history", "error_message", "started_at", "finished_at"));
    TABLES.put("synthetic_batches", Set.of("id", "model_id", "file_path", "row_count", "generated_at",
        "status", "requested_rows", "anomaly_ratio", "anomaly_label_column", "anomaly_kind_column", "anomaly_kinds",
        "anomaly_rows", "seed", "rules_off", "conditioning", "rows_done", "size_bytes", "sha256", "error_message", "created_at", "started_at", "finished_at"));
    TABLES.put("model_evaluations", Set.of("model_id", "target", "status", "quality_score", "privacy_score", "report", "error_message",
        "requested_at", "started_at", "finished_at"));
    TABLES.put("relationships", Set.of("id", "project_id", "parent_dataset_id", "parent_columns", "child_dataset_id", "child_columns", "order_by",
        "created_at"));
    TABLES.put("database_connections", Set.of("id", "project_id", "name", "kind", "host", "port", "database_name", "username", "password_encrypted",
        "created_at"));
    TABLES.put("database_models", Set.of("id", "project_id", "algorithm", "settings", "seed", "trained_tables", "relationships", "status", "progress",
        "model_folder_key", "summary", "error_message", "created_at", "started_at", "finished_at"));
    TABLES.put("database_batches", Set.of("id", "database_model_id", "scale", "seed", "anomalies", "conditions", "status", "table_rows", "folder_key",
        "error_message", "created_at", "started_at", "finished_at"));
    TABLES.put("database_evaluations", Set.of("database_batch_id", "status", "report", "error_message", "requested_at", "started_at", "finished_at"));
    TABLES.put("api_tokens", Set.of("id", "user_id", "name", "scope", "secret_prefix", "secret_hash", "created_at", "expires_at", "last_used_at"));
    TABLES.put("job_leases", Set.of("job_key", "node_id", "expires_at", "cancel_requested"));
  }

  /** table.column of every column that may hold NULL; all others are NOT NULL. */
  static final Set<String> NULLABLE = Set.of(
      "datasets.delimiter_char", "datasets.encoding",
      "models.model_file_path", "models.training_metrics", "models.seed", "models.differential_privacy", "models.progress", "models.loss_history",
      "models.error_message", "models.started_at", "models.finished_at",
      "synthetic_batches.file_path", "synthetic_batches.row_count", "synthetic_batches.generated_at",
      "synthetic_batches.anomaly_ratio", "synthetic_batches.anomaly_label_column", "synthetic_batches.anomaly_kind_column",
      "synthetic_batches.anomaly_kinds", "synthetic_batches.anomaly_rows", "synthetic_batches.seed", "synthetic_batches.rules_off", "synthetic_batches.conditioning",
      "synthetic_batches.size_bytes", "synthetic_batches.sha256", "synthetic_batches.error_message",
      "synthetic_batches.started_at", "synthetic_batches.finished_at",
      "model_evaluations.target", "model_evaluations.quality_score", "model_evaluations.privacy_score", "model_evaluations.report",
      "model_evaluations.error_message", "model_evaluations.started_at", "model_evaluations.finished_at",
      "database_models.seed", "database_models.progress", "database_models.model_folder_key", "database_models.summary", "database_models.error_message",
      "database_models.started_at", "database_models.finished_at",
      "database_batches.seed", "database_batches.anomalies", "database_batches.conditions", "database_batches.table_rows", "database_batches.folder_key",
      "database_batches.error_message", "database_batches.started_at", "database_batches.finished_at",
      "database_evaluations.report", "database_evaluations.error_message", "database_evaluations.started_at", "database_evaluations.finished_at",
      "api_tokens.expires_at", "api_tokens.last_used_at");

  @Autowired
  protected JdbcTemplate jdbc;

  @Test
  void createsExactlyTheThirteenTablesWithTheirColumns() {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c"
            + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            + " WHERE c.table_schema = SCHEMA() AND t.table_type = 'BASE TABLE'"
            + " AND LOWER(c.table_name) NOT LIKE 'databasechangelog%'");
    Map<String, Set<String>> actual = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      actual.computeIfAbsent(lower(row.get("t")), k -> new TreeSet<>()).add(lower(row.get("c")));
    }

    assertThat(actual).isEqualTo(sorted(TABLES));
  }

  @Test
  void allowsNullOnlyWhereAValueMayBeMissing() {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT table_name AS t, column_name AS c FROM information_schema.columns"
            + " WHERE table_schema = SCHEMA() AND is_nullable = 'YES' AND LOWER(table_name) NOT LIKE 'databasechangelog%'");
    Set<String> nullable = new TreeSet<>();
    rows.forEach(row -> nullable.add(lower(row.get("t")) + "." + lower(row.get("c"))));

    assertThat(nullable).isEqualTo(new TreeSet<>(NULLABLE));
  }

  @Test
  void keepsMicrosecondsInEveryTimestampColumn() {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT table_name AS t, column_name AS c, datetime_precision AS p FROM information_schema.columns"
            + " WHERE table_schema = SCHEMA() AND RIGHT(LOWER(column_name), 3) = '_at'"
            + " AND LOWER(table_name) NOT LIKE 'databasechangelog%'");
    Map<String, Integer> precisions = new TreeMap<>();
    rows.forEach(row -> precisions.put(lower(row.get("t")) + "." + lower(row.get("c")), ((Number) row.get("p")).intValue()));

    Map<String, Integer> expected = new TreeMap<>();
    TABLES.forEach((table, columns) -> columns.stream()
        .filter(column -> column.endsWith("_at"))
        .forEach(column -> expected.put(table + "." + column, 6)));
    assertThat(expected).hasSize(27);
    assertThat(precisions).isEqualTo(expected);
  }

  @Test
  void everyForeignKeyCascadesDeletes() {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT constraint_name AS n, delete_rule AS r FROM information_schema.referential_constraints"
            + " WHERE constraint_schema = SCHEMA()");
    Map<String, String> rules = new TreeMap<>();
    rows.forEach(row -> rules.put(lower(row.get("n")), String.valueOf(row.get("r"))));

    assertThat(rules).isEqualTo(Map.ofEntries(
        Map.entry("fk_projects_user", "CASCADE"),
        Map.entry("fk_datasets_project", "CASCADE"),
        Map.entry("fk_models_dataset", "CASCADE"),
        Map.entry("fk_synthetic_batches_model", "CASCADE"),
        Map.entry("fk_model_evaluations_model", "CASCADE"),
        Map.entry("fk_relationships_project", "CASCADE"),
        Map.entry("fk_relationships_parent_dataset", "CASCADE"),
        Map.entry("fk_relationships_child_dataset", "CASCADE"),
        Map.entry("fk_database_connections_project", "CASCADE"),
        Map.entry("fk_database_models_project", "CASCADE"),
        Map.entry("fk_database_batches_database_model", "CASCADE"),
        Map.entry("fk_database_evaluations_database_batch", "CASCADE"),
        Map.entry("fk_api_tokens_user", "CASCADE")));
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

    jdbc.update("INSERT INTO models (dataset_id, algorithm, status, settings, created_at) VALUES (?, 'SomeFutureSynthesizer',"
        + " 'CANCELLED', '{}', CURRENT_TIMESTAMP)", dataset);

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
