package dev.doppel.adapter.database;

import dev.doppel.application.port.out.ExternalDatabases.TableToWrite;
import dev.doppel.application.port.out.ExternalDatabases.WriteOptions;
import dev.doppel.application.port.out.ExternalDatabases.WriteResult;
import dev.doppel.application.port.out.NonEmptyTargetTableException;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.dataset.ColumnSchema;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a plan's tables into one schema: drops those that exist (children first, refusing ones
 * that hold rows unless asked to replace them), creates them parents first with their keys, and
 * inserts their rows in batches of {@value #BATCH_ROWS}.
 */
final class SchemaWriter {
  static final int BATCH_ROWS = 1_000;

  private final Dialect dialect;
  private final String schema;
  private final List<TableToWrite> parentsFirst;

  SchemaWriter(Dialect dialect, String schema, List<TableToWrite> parentsFirst) {
    this.dialect = dialect;
    this.schema = schema;
    this.parentsFirst = parentsFirst;
  }

  WriteResult write(Connection connection, WriteOptions options) throws SQLException {
    List<String> existing = existingTables(connection);
    if (!options.replaceExisting()) {
      for (String table : existing) {
        if (holdsRows(connection, table)) {
          throw new NonEmptyTargetTableException(schema, table);
        }
      }
    }
    List<String> ddl = new ArrayList<>();
    for (int i = parentsFirst.size() - 1; i >= 0; i--) {
      String table = parentsFirst.get(i).name();
      if (existing.contains(table)) {
        ddl.add("DROP TABLE " + dialect.qualified(schema, table));
      }
    }
    parentsFirst.forEach(table -> ddl.add(createTable(table)));
    Map<String, Long> rows = new LinkedHashMap<>();
    if (options.dryRun()) {
      parentsFirst.forEach(table -> rows.put(table.name(), 0L));
      return new WriteResult(ddl, rows);
    }
    connection.setAutoCommit(false);
    try {
      try (Statement statement = connection.createStatement()) {
        for (String each : ddl) {
          statement.execute(each);
        }
      }
      for (TableToWrite table : parentsFirst) {
        rows.put(table.name(), insert(connection, table));
      }
      connection.commit();
      return new WriteResult(ddl, rows);
    } catch (BatchFailure e) {
      undo(connection);
      throw e.getCause();
    } catch (SQLException | RuntimeException e) {
      undo(connection);
      throw e;
    }
  }

  private void undo(Connection connection) throws SQLException {
    connection.rollback();
    if (!dialect.transactionalDdl()) {
      dropCreated(connection);
    }
  }

  /** The plan's tables that already exist in the schema. */
  private List<String> existingTables(Connection connection) throws SQLException {
    Set<String> names = new HashSet<>();
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet tables = meta.getTables(null, JdbcExternalDatabases.escaped(meta, schema), "%", dialect.tableTypes())) {
      while (tables.next()) {
        if (schema.equals(tables.getString("TABLE_SCHEM"))) {
          names.add(tables.getString("TABLE_NAME"));
        }
      }
    }
    return parentsFirst.stream().map(TableToWrite::name).filter(names::contains).toList();
  }

  private boolean holdsRows(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet any = statement.executeQuery("SELECT 1 FROM " + dialect.qualified(schema, table) + " LIMIT 1")) {
      return any.next();
    }
  }

  private String createTable(TableToWrite table) {
    Set<String> keyColumns = table.keyColumns();
    List<String> parts = new ArrayList<>();
    for (ColumnSchema column : table.columns()) {
      String type = new ColumnBinding(table.name(), column, dialect).sqlType(keyColumns.contains(column.name()));
      parts.add(dialect.quote(column.name()) + " " + type + (table.primaryKey().contains(column.name()) ? " NOT NULL" : ""));
    }
    if (!table.primaryKey().isEmpty()) {
      parts.add("PRIMARY KEY " + columnList(table.primaryKey()));
    }
    for (ForeignKeyDescription key : table.foreignKeys()) {
      parts.add("FOREIGN KEY " + columnList(key.columns()) + " REFERENCES " + dialect.qualified(schema, key.parentTable()) + " " + columnList(key.parentColumns()));
    }
    return "CREATE TABLE " + dialect.qualified(schema, table.name()) + " (" + String.join(", ", parts) + ")" + dialect.tableOptions();
  }

  private String columnList(List<String> columns) {
    return columns.stream().map(dialect::quote).collect(Collectors.joining(", ", "(", ")"));
  }

  private long insert(Connection connection, TableToWrite table) throws SQLException {
    List<ColumnBinding> columns = table.columns().stream().map(column -> new ColumnBinding(table.name(), column, dialect)).toList();
    String sql = "INSERT INTO " + dialect.qualified(schema, table.name()) + " " + columnList(columns.stream().map(ColumnBinding::name).toList())
        + " VALUES (" + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      BatchInsert batch = new BatchInsert(table, columns, insert);
      table.rows().sendTo(batch);
      batch.flush();
      return batch.rows;
    }
  }

  /** Binds the rows a source sends and runs them a batch at a time. */
  private static final class BatchInsert implements TableReader.RowConsumer {
    private final TableToWrite table;
    private final List<ColumnBinding> columns;
    private final PreparedStatement insert;
    private long rows;
    private int pending;

    BatchInsert(TableToWrite table, List<ColumnBinding> columns, PreparedStatement insert) {
      this.table = table;
      this.columns = columns;
      this.insert = insert;
    }

    @Override
    public void header(List<String> columnNames) {
      List<String> expected = columns.stream().map(ColumnBinding::name).toList();
      if (!columnNames.equals(expected)) {
        throw new IllegalArgumentException("the rows of table " + table.name() + " have the columns " + columnNames + ", the table " + expected);
      }
    }

    @Override
    public boolean row(String[] values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException("table " + table.name() + ", row " + (rows + 1) + " has " + values.length + " values for " + columns.size() + " columns");
      }
      rows++;
      try {
        for (int i = 0; i < values.length; i++) {
          columns.get(i).bind(insert, i + 1, values[i], rows);
        }
        insert.addBatch();
        if (++pending == BATCH_ROWS) {
          flush();
        }
      } catch (SQLException e) {
        throw new BatchFailure(e);
      }
      return true;
    }

    void flush() throws SQLException {
      if (pending > 0) {
        insert.executeBatch();
        pending = 0;
      }
    }
  }

  /** Carries a statement's failure out of a row consumer, which may not throw checked exceptions. */
  private static final class BatchFailure extends RuntimeException {
    BatchFailure(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  /** Best effort on servers whose DDL cannot be rolled back: a failed write leaves none of its tables behind. */
  private void dropCreated(Connection connection) {
    for (int i = parentsFirst.size() - 1; i >= 0; i--) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + dialect.qualified(schema, parentsFirst.get(i).name()));
      } catch (SQLException e) {
        // the table was not created, or cannot be dropped: the original failure is what the user needs
      }
    }
  }
}
