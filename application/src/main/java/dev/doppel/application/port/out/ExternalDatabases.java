package dev.doppel.application.port.out;

import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.connection.TableDescription;
import dev.doppel.domain.dataset.ColumnSchema;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The user's own databases, as sources to read tables from and targets to write synthetic tables
 * to. Reading opens read-only connections. A server that cannot be reached or logged in to, and a
 * schema or table that is not there, throw {@link ExternalDatabaseException} with a message for
 * the user that never holds the password.
 */
public interface ExternalDatabases {
  /** Logs in read-only and runs a trivial query; returns the server's version, e.g. {@code 10.11.6-MariaDB}. */
  String test(ConnectionDetails details);

  /** The schemas the user can see, without the server's own (information_schema, pg_catalog, ...). */
  List<String> listSchemas(ConnectionDetails details);

  /** The schema's tables, by name, with their columns and keys. */
  List<TableDescription> describe(ConnectionDetails details, String schema);

  /**
   * Streams the table as text cells: the header, then each row (SQL NULL as null) until the table
   * ends or the consumer returns false, holding only a fetch's worth of rows in memory.
   */
  void readTable(ConnectionDetails details, String schema, String table, TableReader.RowConsumer consumer);

  /**
   * Creates the plan's tables in {@code targetSchema}, parents before children, with their primary
   * and foreign keys, and inserts their rows in batches, in one transaction where the server allows
   * DDL in one (PostgreSQL; on MariaDB/MySQL the tables created are dropped again when a later step
   * fails). A table that already exists is dropped and created anew, unless it holds rows and
   * {@link WriteOptions#replaceExisting()} is off: then nothing is written and {@link
   * NonEmptyTargetTableException} names it.
   *
   * @throws IllegalArgumentException when the plan cannot be written as given: a key naming a
   *     column or table the plan lacks, foreign keys that form a cycle, a cell its column's type
   *     cannot hold (naming the table, column and row)
   */
  WriteResult write(ConnectionDetails details, String targetSchema, WritePlan plan, WriteOptions options);

  /** The tables to write, in any order; their foreign keys point at tables of the same plan. */
  record WritePlan(List<TableToWrite> tables) {
    public WritePlan {
      tables = List.copyOf(tables);
      if (tables.isEmpty()) {
        throw new IllegalArgumentException("a write needs at least one table");
      }
    }
  }

  /**
   * @param columns every column of the rows, in the order {@code rows} sends them
   * @param primaryKey the key's columns, empty for none
   */
  record TableToWrite(String name, List<ColumnSchema> columns, List<String> primaryKey, List<ForeignKeyDescription> foreignKeys, RowSource rows) {
    public TableToWrite {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
      foreignKeys = List.copyOf(foreignKeys);
      Objects.requireNonNull(rows, "rows");
    }

    /** The columns of its primary key and of its foreign keys, which must be of a type an index can hold. */
    public Set<String> keyColumns() {
      Set<String> keys = new HashSet<>(primaryKey);
      foreignKeys.forEach(key -> keys.addAll(key.columns()));
      return keys;
    }
  }

  /**
   * A table's rows as text cells: sends the header, then every row, to the consumer (a stored file
   * sends itself through {@link TableReader#read}). The write stops early only by throwing.
   */
  @FunctionalInterface
  interface RowSource {
    void sendTo(TableReader.RowConsumer consumer);
  }

  /**
   * @param dryRun work out the statements and check the target, but write nothing
   * @param replaceExisting drop tables of the plan's names that already hold rows, instead of refusing
   */
  record WriteOptions(boolean dryRun, boolean replaceExisting) {}

  /**
   * @param ddl the statements that create the tables and keys, in the order they run (or would run)
   * @param rowsWritten rows inserted per table, in the order written; zero for each in a dry run
   */
  record WriteResult(List<String> ddl, Map<String, Long> rowsWritten) {
    public WriteResult {
      ddl = List.copyOf(ddl);
      rowsWritten = Collections.unmodifiableMap(new LinkedHashMap<>(rowsWritten));
    }
  }
}
