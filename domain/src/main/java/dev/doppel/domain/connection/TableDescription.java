package dev.doppel.domain.connection;

import java.util.List;
import java.util.Objects;

/**
 * A table of a database schema with its columns (in the table's order), primary key (in the key's
 * order, empty when it has none) and the foreign keys to parents in the same schema.
 */
public record TableDescription(
    String schema, String name, List<ColumnDescription> columns, List<String> primaryKey, List<ForeignKeyDescription> foreignKeys) {
  public TableDescription {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
  }
}
