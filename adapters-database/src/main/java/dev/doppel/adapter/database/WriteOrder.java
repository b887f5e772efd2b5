package dev.doppel.adapter.database;

import dev.doppel.application.port.out.ExternalDatabases.TableToWrite;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.schema.DependencyOrder;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a plan's keys and orders its tables parents first, so every foreign key's parent exists when its child is created and filled. */
final class WriteOrder {
  private WriteOrder() {}

  /** The tables, each after the parents its foreign keys point at; otherwise in the plan's order. */
  static List<TableToWrite> parentsFirst(List<TableToWrite> tables) {
    Map<String, TableToWrite> byName = new LinkedHashMap<>();
    for (TableToWrite table : tables) {
      if (byName.put(table.name(), table) != null) {
        throw new IllegalArgumentException("the plan names table " + table.name() + " twice");
      }
    }
    for (TableToWrite table : tables) {
      check(table, byName);
    }
    DependencyOrder<TableToWrite> order =
        DependencyOrder.of(tables, TableToWrite::name, table -> table.foreignKeys().stream().map(ForeignKeyDescription::parentTable).toList());
    if (!order.inCycle().isEmpty()) {
      throw new IllegalArgumentException(
          "the foreign keys between tables " + order.inCycle().stream().map(TableToWrite::name).toList() + " form a cycle; a table can only be created after its parents");
    }
    return order.ordered();
  }

  private static void check(TableToWrite table, Map<String, TableToWrite> byName) {
    List<String> columns = table.columns().stream().map(ColumnSchema::name).toList();
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + table.name() + " has no columns");
    }
    if (new HashSet<>(columns).size() != columns.size()) {
      throw new IllegalArgumentException("table " + table.name() + " names a column twice: " + columns);
    }
    requireColumns(table, table.primaryKey(), columns, "primary key");
    for (ForeignKeyDescription key : table.foreignKeys()) {
      TableToWrite parent = byName.get(key.parentTable());
      if (parent == null) {
        throw new IllegalArgumentException("table " + table.name() + " has a foreign key to " + key.parentTable() + ", which the plan does not write");
      }
      requireColumns(table, key.columns(), columns, "foreign key to " + key.parentTable());
      if (parent.primaryKey().isEmpty() || !Set.copyOf(key.parentColumns()).equals(Set.copyOf(parent.primaryKey()))
          || key.parentColumns().size() != parent.primaryKey().size()) {
        throw new IllegalArgumentException("the foreign key " + table.name() + key.columns() + " → " + key.parentTable() + key.parentColumns()
            + " must point at " + key.parentTable() + "'s primary key " + parent.primaryKey());
      }
    }
  }

  private static void requireColumns(TableToWrite table, List<String> named, List<String> columns, String what) {
    for (String column : named) {
      if (!columns.contains(column)) {
        throw new IllegalArgumentException("the " + what + " of table " + table.name() + " names column " + column + ", which the table does not have");
      }
    }
  }
}
