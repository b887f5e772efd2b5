package dev.doppel.adapter.files.export;

import dev.doppel.application.port.out.ExternalDatabases.TableToWrite;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema part of a script of several linked tables: the session settings, then a {@code CREATE
 * TABLE} for each table in the order given, with its primary key and its foreign keys to tables
 * created before it. The rows follow, each table's through {@link SqlTableWriter#insertsInto}, in
 * the same order, so the script loads into an empty database with foreign-key checks on.
 *
 * <p>Tables and columns are named, typed and shortened as in the single-table script ({@link
 * SqlNaming}); a key column's text is bounded in MySQL, which cannot index unbounded text, and a
 * foreign key names its parent's columns as the parent's {@code CREATE TABLE} does.
 */
final class SqlDatabaseScript {
  private final SqlNaming naming;
  private final List<TableToWrite> tables;
  /** Each table's columns: its own name to its name in the script. */
  private final Map<String, Map<String, String>> scriptNames = new HashMap<>();

  /**
   * @param parentsFirst the tables, each after the tables its foreign keys point at
   * @throws IllegalArgumentException when a foreign key points at a table not before it, or names a column its table lacks
   */
  SqlDatabaseScript(List<TableToWrite> parentsFirst, SqlDialect dialect) {
    this.naming = new SqlNaming(dialect);
    this.tables = parentsFirst;
    for (TableToWrite table : parentsFirst) {
      for (ForeignKeyDescription key : table.foreignKeys()) {
        if (!scriptNames.containsKey(key.parentTable())) {
          throw new IllegalArgumentException("table " + table.name() + " has a foreign key to " + key.parentTable() + ", which the script does not create before it");
        }
      }
      List<String> own = table.columns().stream().map(ColumnSchema::name).toList();
      List<String> names = naming.columnNames(exportColumns(table));
      Map<String, String> byOwnName = new HashMap<>();
      for (int i = 0; i < own.size(); i++) {
        byOwnName.put(own.get(i), names.get(i));
      }
      if (scriptNames.put(table.name(), byOwnName) != null) {
        throw new IllegalArgumentException("the script names table " + table.name() + " twice");
      }
      scriptNames(table.name(), table.primaryKey());
      table.foreignKeys().forEach(key -> {
        scriptNames(table.name(), key.columns());
        scriptNames(key.parentTable(), key.parentColumns());
      });
    }
  }

  static List<ExportColumn> exportColumns(TableToWrite table) {
    return table.columns().stream().map(ExportColumn::of).toList();
  }

  /** Writes the comments on renamed columns, the session settings and every {@code CREATE TABLE}; flushes, leaving {@code out} open. */
  void writeSchema(OutputStream out) throws IOException {
    Utf8Output text = new Utf8Output(out);
    for (TableToWrite table : tables) {
      for (ColumnSchema column : table.columns()) {
        String name = scriptName(table.name(), column.name());
        if (!name.equals(column.name())) {
          text.text(naming.renamedNote(table.name(), column.name(), name));
        }
      }
    }
    text.text(naming.sessionSettings());
    for (TableToWrite table : tables) {
      List<String> keys = new ArrayList<>();
      if (!table.primaryKey().isEmpty()) {
        keys.add("PRIMARY KEY " + naming.identifiers(scriptNames(table.name(), table.primaryKey())));
      }
      for (ForeignKeyDescription key : table.foreignKeys()) {
        keys.add("FOREIGN KEY " + naming.identifiers(scriptNames(table.name(), key.columns())) + " REFERENCES " + naming.identifier(key.parentTable()) + " "
            + naming.identifiers(scriptNames(key.parentTable(), key.parentColumns())));
      }
      List<String> names = table.columns().stream().map(c -> scriptName(table.name(), c.name())).toList();
      text.text(naming.createTable(table.name(), exportColumns(table), names, table.keyColumns(), keys));
    }
    text.flush();
  }

  private List<String> scriptNames(String table, List<String> columns) {
    return columns.stream().map(column -> scriptName(table, column)).toList();
  }

  private String scriptName(String table, String column) {
    String name = scriptNames.get(table).get(column);
    if (name == null) {
      throw new IllegalArgumentException("a key of table " + table + " names column " + column + ", which the table does not have");
    }
    return name;
  }
}
