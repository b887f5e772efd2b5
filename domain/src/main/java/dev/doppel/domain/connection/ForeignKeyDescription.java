package dev.doppel.domain.connection;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key from a child table's columns to its parent's key, both tables in one schema.
 *
 * @param columns the child's columns, in the key's order
 * @param parentColumns the parent's key columns, paired with {@code columns} by position
 */
public record ForeignKeyDescription(List<String> columns, String parentTable, List<String> parentColumns) {
  public ForeignKeyDescription {
    columns = List.copyOf(columns);
    Objects.requireNonNull(parentTable, "parentTable");
    parentColumns = List.copyOf(parentColumns);
    if (columns.isEmpty() || columns.size() != parentColumns.size()) {
      throw new IllegalArgumentException(
          "a foreign key to " + parentTable + " needs as many child columns as parent columns, at least one: " + columns + " -> " + parentColumns);
    }
  }
}
