package dev.doppel.adapter.database;

import dev.doppel.application.port.out.ExternalDatabaseException;
import dev.doppel.application.port.out.ExternalDatabaseException.Reason;
import dev.doppel.application.port.out.ExternalDatabases;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.domain.connection.ColumnDescription;
import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.ForeignKeyDescription;
import dev.doppel.domain.connection.TableDescription;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The user's databases over JDBC: mysql-connector-j for MariaDB and MySQL, the PostgreSQL driver
 * for PostgreSQL. Every call opens its own connection and closes it before returning. Reads run
 * on connections that are read-only in the driver and on the server.
 */
public final class JdbcExternalDatabases implements ExternalDatabases {
  /** Rows a read holds in memory at a time. */
  static final int FETCH_SIZE = 1_000;

  @Override
  public String test(ConnectionDetails details) {
    return withReadOnly(details, "test the connection", connection -> {
      try (Statement statement = connection.createStatement();
          ResultSet version = statement.executeQuery(Dialect.of(details.kind()).versionQuery())) {
        version.next();
        return version.getString(1);
      }
    });
  }

  @Override
  public List<String> listSchemas(ConnectionDetails details) {
    Dialect dialect = Dialect.of(details.kind());
    return withReadOnly(details, "list the schemas", connection -> {
      List<String> schemas = new ArrayList<>();
      try (ResultSet rows = connection.getMetaData().getSchemas()) {
        while (rows.next()) {
          String schema = rows.getString("TABLE_SCHEM");
          if (!dialect.isSystemSchema(schema)) {
            schemas.add(schema);
          }
        }
      }
      return schemas;
    });
  }

  @Override
  public List<TableDescription> describe(ConnectionDetails details, String schema) {
    Dialect dialect = Dialect.of(details.kind());
    return withReadOnly(details, "describe schema " + schema, connection -> {
      DatabaseMetaData meta = connection.getMetaData();
      requireSchema(meta, details, schema);
      List<TableDescription> tables = new ArrayList<>();
      for (String table : tableNames(meta, dialect, schema)) {
        tables.add(new TableDescription(schema, table, columns(meta, schema, table), primaryKey(meta, schema, table), foreignKeys(meta, schema, table)));
      }
      return tables;
    });
  }

  @Override
  public void readTable(ConnectionDetails details, String schema, String table, TableReader.RowConsumer consumer) {
    Dialect dialect = Dialect.of(details.kind());
    withReadOnly(details, "read table " + schema + "." + table, connection -> {
      // PostgreSQL streams with a fetch size only inside a transaction.
      connection.setAutoCommit(false);
      try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + dialect.qualified(schema, table),
          ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        select.setFetchSize(FETCH_SIZE);
        try (ResultSet rows = select.executeQuery()) {
          ResultSetMetaData columns = rows.getMetaData();
          int count = columns.getColumnCount();
          List<String> header = new ArrayList<>(count);
          for (int i = 1; i <= count; i++) {
            header.add(columns.getColumnLabel(i));
          }
          consumer.header(header);
          boolean more = true;
          while (more && rows.next()) {
            String[] row = new String[count];
            for (int i = 0; i < count; i++) {
              row[i] = rows.getString(i + 1);
            }
            more = consumer.row(row);
          }
        }
      } finally {
        connection.rollback();
      }
      return null;
    });
  }

  @Override
  public WriteResult write(ConnectionDetails details, String targetSchema, WritePlan plan, WriteOptions options) {
    SchemaWriter writer = new SchemaWriter(Dialect.of(details.kind()), targetSchema, WriteOrder.parentsFirst(plan.tables()));
    try (Connection connection = open(details)) {
      requireSchema(connection.getMetaData(), details, targetSchema);
      return writer.write(connection, options);
    } catch (SQLException e) {
      throw failure(details, "write to schema " + targetSchema, e);
    }
  }

  /** A connection that cannot change anything: read-only in the driver and for every transaction on the server. */
  Connection openReadOnly(ConnectionDetails details) throws SQLException {
    Connection connection = open(details);
    try {
      connection.setReadOnly(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute(Dialect.of(details.kind()).readOnlySession());
      }
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  private static Connection open(ConnectionDetails details) throws SQLException {
    Dialect dialect = Dialect.of(details.kind());
    Properties properties = dialect.driverProperties();
    properties.setProperty("user", details.username());
    properties.setProperty("password", details.password().reveal());
    return DriverManager.getConnection(dialect.jdbcUrl(details), properties);
  }

  private <T> T withReadOnly(ConnectionDetails details, String action, SqlWork<T> work) {
    try (Connection connection = openReadOnly(details)) {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(details, action, e);
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private static void requireSchema(DatabaseMetaData meta, ConnectionDetails details, String schema) throws SQLException {
    try (ResultSet rows = meta.getSchemas(null, escaped(meta, schema))) {
      while (rows.next()) {
        if (rows.getString("TABLE_SCHEM").equals(schema)) {
          return;
        }
      }
    }
    throw new ExternalDatabaseException(Reason.NOT_FOUND, "there is no schema '" + schema + "' on " + details + " (or the user may not see it)", null);
  }

  private static List<String> tableNames(DatabaseMetaData meta, Dialect dialect, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rows = meta.getTables(null, escaped(meta, schema), "%", dialect.tableTypes())) {
      while (rows.next()) {
        if (schema.equals(rows.getString("TABLE_SCHEM"))) {
          names.add(rows.getString("TABLE_NAME"));
        }
      }
    }
    names.sort(null);
    return names;
  }

  private static List<ColumnDescription> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
    Map<Integer, ColumnDescription> byPosition = new TreeMap<>();
    try (ResultSet rows = meta.getColumns(null, escaped(meta, schema), escaped(meta, table), "%")) {
      while (rows.next()) {
        if (schema.equals(rows.getString("TABLE_SCHEM")) && table.equals(rows.getString("TABLE_NAME"))) {
          byPosition.put(rows.getInt("ORDINAL_POSITION"),
              new ColumnDescription(rows.getString("COLUMN_NAME"), rows.getString("TYPE_NAME"), rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
        }
      }
    }
    return List.copyOf(byPosition.values());
  }

  private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
    Map<Integer, String> bySequence = new TreeMap<>();
    try (ResultSet rows = meta.getPrimaryKeys(null, schema, table)) {
      while (rows.next()) {
        bySequence.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
      }
    }
    return List.copyOf(bySequence.values());
  }

  /** The table's foreign keys to parents in the same schema, each with its columns in the key's order. */
  private static List<ForeignKeyDescription> foreignKeys(DatabaseMetaData meta, String schema, String table) throws SQLException {
    Map<String, String> parents = new LinkedHashMap<>();
    Map<String, TreeMap<Integer, String[]>> pairs = new LinkedHashMap<>();
    try (ResultSet rows = meta.getImportedKeys(null, schema, table)) {
      while (rows.next()) {
        String parentSchema = Objects.requireNonNullElse(rows.getString("PKTABLE_SCHEM"), rows.getString("PKTABLE_CAT"));
        if (!schema.equals(parentSchema)) {
          continue;
        }
        String parent = rows.getString("PKTABLE_NAME");
        String key = parent + "\u0000" + Objects.requireNonNullElse(rows.getString("FK_NAME"), "");
        parents.put(key, parent);
        pairs.computeIfAbsent(key, k -> new TreeMap<>())
            .put(rows.getInt("KEY_SEQ"), new String[] {rows.getString("FKCOLUMN_NAME"), rows.getString("PKCOLUMN_NAME")});
      }
    }
    List<ForeignKeyDescription> keys = new ArrayList<>();
    pairs.forEach((key, columns) -> keys.add(new ForeignKeyDescription(
        columns.values().stream().map(pair -> pair[0]).toList(), parents.get(key), columns.values().stream().map(pair -> pair[1]).toList())));
    return keys;
  }

  /** A name as a metadata search pattern that matches only itself: {@code _} and {@code %} are wildcards there. */
  static String escaped(DatabaseMetaData meta, String name) throws SQLException {
    String escape = meta.getSearchStringEscape();
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }

  /** The failure in the user's words; the driver's own message is kept only where no plainer one fits, without the password. */
  static ExternalDatabaseException failure(ConnectionDetails details, String action, SQLException e) {
    String server = details.kind().displayName() + " server at " + details.host() + ":" + details.port();
    Reason reason = Dialect.of(details.kind()).reasonOf(e).orElse(Reason.REFUSED);
    String message = switch (reason) {
      case UNREACHABLE -> "cannot reach the " + server + ": check the host and port, and that the server accepts connections from here";
      case AUTHENTICATION_FAILED -> "the " + server + " refused user '" + details.username() + "': check the username and password";
      case UNKNOWN_DATABASE -> "the " + server + " has no database '" + details.database() + "', or user '" + details.username() + "' may not open it";
      case NOT_FOUND, REFUSED -> "could not " + action + " on the " + server + ": " + withoutPassword(e.getMessage(), details);
    };
    return new ExternalDatabaseException(reason, message, new SQLException(withoutPassword(e.getMessage(), details), e.getSQLState(), e.getErrorCode()));
  }

  private static String withoutPassword(String message, ConnectionDetails details) {
    String password = details.password().reveal();
    String text = Objects.requireNonNullElse(message, "no reason given");
    return password.isEmpty() ? text : text.replace(password, "********");
  }
}
