package dev.doppel.domain.dataset;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The inferred schema and statistical summary of a table, computed in one streaming pass. */
public record DatasetProfile(long rowCount, List<ColumnProfile> columns) {
  public DatasetProfile {
    if (rowCount < 0) {
      throw new IllegalArgumentException("row count must not be negative");
    }
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
  }

  public Optional<ColumnProfile> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<ColumnSchema> schema() {
    return columns.stream().map(ColumnSchema::of).toList();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnProfile::name).toList();
  }

  /** The effective type of every column, in column order. */
  public Map<String, ColumnType> types() {
    return columns.stream()
        .collect(Collectors.toMap(ColumnProfile::name, ColumnProfile::type, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /** Columns whose type the user chose instead of the inferred one. */
  public Map<String, ColumnType> overrides() {
    return columns.stream()
        .filter(ColumnProfile::overridden)
        .collect(Collectors.toMap(ColumnProfile::name, ColumnProfile::type));
  }

  public Map<String, ColumnProfile> byName() {
    return columns.stream().collect(Collectors.toMap(ColumnProfile::name, Function.identity()));
  }
}
