package dev.doppel.adapter.database;

import dev.doppel.application.port.out.ExternalDatabaseException.Reason;
import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** MariaDB and MySQL, through mysql-connector-j. */
final class MariaDbDialect implements Dialect {
  private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "mysql", "performance_schema", "sys");
  private static final int ACCESS_DENIED_TO_DATABASE = 1044;
  private static final int ACCESS_DENIED = 1045;
  private static final int UNKNOWN_DATABASE = 1049;
  private static final int UNKNOWN_TABLE = 1146;

  @Override
  public String jdbcUrl(ConnectionDetails details) {
    return "jdbc:mysql://" + Dialect.hostAndPort(details) + "/" + URLEncoder.encode(details.database(), StandardCharsets.UTF_8);
  }

  @Override
  public Properties driverProperties() {
    Properties properties = new Properties();
    properties.setProperty("connectTimeout", "10000");
    properties.setProperty("characterEncoding", "UTF-8");
    // Databases are schemas in DatabaseMetaData, as they are in PostgreSQL's.
    properties.setProperty("databaseTerm", "SCHEMA");
    // A fetch size then streams rows through a server-side cursor instead of reading the whole result.
    properties.setProperty("useCursorFetch", "true");
    // One multi-row INSERT per batch instead of one round trip per row.
    properties.setProperty("rewriteBatchedStatements", "true");
    return properties;
  }

  @Override
  public String readOnlySession() {
    return "SET SESSION TRANSACTION READ ONLY";
  }

  @Override
  public String versionQuery() {
    return "SELECT VERSION()";
  }

  @Override
  public boolean isSystemSchema(String schema) {
    return SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT));
  }

  @Override
  public String[] tableTypes() {
    return new String[] {"TABLE"};
  }

  @Override
  public String quote(String identifier) {
    return Dialect.quoteWith('`', identifier);
  }

  @Override
  public SqlDialect sqlDialect() {
    return SqlDialect.MYSQL;
  }

  @Override
  public String tableOptions() {
    return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
  }

  @Override
  public boolean transactionalDdl() {
    return false;
  }

  @Override
  public Optional<Reason> reasonOf(SQLException e) {
    return switch (e.getErrorCode()) {
      case ACCESS_DENIED -> Optional.of(Reason.AUTHENTICATION_FAILED);
      case ACCESS_DENIED_TO_DATABASE, UNKNOWN_DATABASE -> Optional.of(Reason.UNKNOWN_DATABASE);
      case UNKNOWN_TABLE -> Optional.of(Reason.NOT_FOUND);
      default -> Dialect.standardReason(e);
    };
  }
}
