package dev.doppel.adapter.persistence.relational;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.doppel.adapter.persistence.StoredJson;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.relational.DatabaseProgress;
import dev.doppel.domain.relational.TableLink;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TableSummary;
import dev.doppel.domain.relational.TrainedTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored forms of the JSON columns of database models and database batches. */
final class DatabaseModelJson {
  private static final TypeReference<List<StoredTable>> TABLES = new TypeReference<>() {};
  private static final TypeReference<List<TableLink>> LINKS = new TypeReference<>() {};
  private static final TypeReference<List<TableSummary>> SUMMARY = new TypeReference<>() {};
  private static final TypeReference<List<TableRows>> ROWS = new TypeReference<>() {};
  private static final TypeReference<List<StoredAnomalies>> ANOMALIES = new TypeReference<>() {};
  private static final TypeReference<List<StoredConditions>> CONDITIONS = new TypeReference<>() {};

  private DatabaseModelJson() {}

  /** A trained table with its dataset's id as a plain number. */
  record StoredTable(long dataset, String name, List<String> primaryKey) {}

  /** The anomalies asked for one table; an empty kinds list means every kind that applies. */
  record StoredAnomalies(String table, double ratio, String labelColumn, String kindColumn, List<String> kinds) {}

  /** The fixed values asked for one table, column by column in the order asked (a list: stored maps are written sorted by key). */
  record StoredConditions(String table, List<StoredValue> values) {}

  record StoredValue(String column, String value) {}

  /** Progress with its optional parts as nullable members. */
  record StoredProgress(String table, String stage, Integer epoch, Integer epochs, double elapsedSeconds) {}

  static String writeTables(List<TrainedTable> tables) {
    return StoredJson.write(tables.stream().map(t -> new StoredTable(t.dataset().value(), t.name(), t.primaryKey())).toList(), "trained tables");
  }

  static List<TrainedTable> readTables(String json) {
    return StoredJson.read(json, TABLES, "trained tables").stream().map(t -> new TrainedTable(new DatasetId(t.dataset()), t.name(), t.primaryKey())).toList();
  }

  static String writeLinks(List<TableLink> links) {
    return StoredJson.write(links, "relationships");
  }

  static List<TableLink> readLinks(String json) {
    return StoredJson.read(json, LINKS, "relationships");
  }

  static String writeProgress(Optional<DatabaseProgress> progress) {
    return progress
        .map(p -> StoredJson.write(new StoredProgress(p.table().orElse(null), p.stage(), p.epoch().orElse(null), p.epochs().orElse(null), p.elapsedSeconds()), "progress"))
        .orElse(null);
  }

  static Optional<DatabaseProgress> readProgress(String json) {
    if (json == null) {
      return Optional.empty();
    }
    StoredProgress p = StoredJson.read(json, StoredProgress.class, "progress");
    return Optional.of(new DatabaseProgress(Optional.ofNullable(p.table()), p.stage(), Optional.ofNullable(p.epoch()), Optional.ofNullable(p.epochs()), p.elapsedSeconds()));
  }

  /** NULL until the training completed. */
  static String writeSummary(List<TableSummary> summary) {
    return summary.isEmpty() ? null : StoredJson.write(summary, "database training summary");
  }

  static List<TableSummary> readSummary(String json) {
    return json == null ? List.of() : StoredJson.read(json, SUMMARY, "database training summary");
  }

  /** NULL until the generation completed. */
  static String writeRows(List<TableRows> rows) {
    return rows.isEmpty() ? null : StoredJson.write(rows, "rows per table");
  }

  static List<TableRows> readRows(String json) {
    return json == null ? List.of() : StoredJson.read(json, ROWS, "rows per table");
  }

  /** NULL when no table was asked for anomalies. */
  static String writeAnomalies(Map<String, AnomalySpec> anomalies) {
    if (anomalies.isEmpty()) {
      return null;
    }
    List<StoredAnomalies> stored = new ArrayList<>();
    anomalies.forEach((table, spec) ->
        stored.add(new StoredAnomalies(table, spec.ratio(), spec.labelColumn().orElse(null), spec.kindColumn().orElse(null), spec.kinds())));
    return StoredJson.write(stored, "anomalies per table");
  }

  static Map<String, AnomalySpec> readAnomalies(String json) {
    Map<String, AnomalySpec> anomalies = new LinkedHashMap<>();
    if (json != null) {
      for (StoredAnomalies a : StoredJson.read(json, ANOMALIES, "anomalies per table")) {
        anomalies.put(a.table(), new AnomalySpec(a.ratio(), Optional.ofNullable(a.labelColumn()), Optional.ofNullable(a.kindColumn()), a.kinds()));
      }
    }
    return anomalies;
  }

  /** NULL when no table was asked for fixed values. */
  static String writeConditions(Map<String, Conditioning.FixedValues> conditions) {
    if (conditions.isEmpty()) {
      return null;
    }
    List<StoredConditions> stored = new ArrayList<>();
    conditions.forEach((table, fixed) -> stored.add(
        new StoredConditions(table, fixed.values().entrySet().stream().map(v -> new StoredValue(v.getKey(), v.getValue())).toList())));
    return StoredJson.write(stored, "conditions per table");
  }

  static Map<String, Conditioning.FixedValues> readConditions(String json) {
    Map<String, Conditioning.FixedValues> conditions = new LinkedHashMap<>();
    if (json != null) {
      for (StoredConditions c : StoredJson.read(json, CONDITIONS, "conditions per table")) {
        Map<String, String> values = new LinkedHashMap<>();
        c.values().forEach(v -> values.put(v.column(), v.value()));
        conditions.put(c.table(), new Conditioning.FixedValues(values));
      }
    }
    return conditions;
  }
}
