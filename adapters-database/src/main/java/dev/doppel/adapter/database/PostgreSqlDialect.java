package dev.doppel.adapter.database;

import dev.doppel.application.port.out.ExternalDatabaseException.Reason;
import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** PostgreSQL, through its JDBC driver. */
final class PostgreSqlDialect implements Dialect {
  @Override
  public String jdbcUrl(ConnectionDetails details) {
    return "jdbc:postgresql://" + Dialect.hostAndPort(details) + "/" + URLEncoder.encode(details.database(), StandardCharsets.UTF_8);
  }

  @Override
  public Properties driverProperties() {
    Properties properties = new Properties();
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("ApplicationName", "Doppel");
    // One multi-row INSERT per batch instead of one round trip per row.
    properties.setProperty("reWriteBatchedInserts", "true");
    return properties;
  }

  @Override
  public String readOnlySession() {
    return "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
  }

  @Override
  public String versionQuery() {
    return "SHOW server_version";
  }

  @Override
  public boolean isSystemSchema(String schema) {
    return schema.equals("information_schema") || schema.startsWith("pg_");
  }

  @Override
  public String[] tableTypes() {
    return new String[] {"TABLE", "PARTITIONED TABLE"};
  }

  @Override
  public String quote(String identifier) {
    return Dialect.quoteWith('"', identifier);
  }

  @Override
  public SqlDialect sqlDialect() {
    return SqlDialect.POSTGRESQL;
  }

  @Override
  public String tableOptions() {
    return "";
  }

  @Override
  public boolean transactionalDdl() {
    return true;
  }

  /** PostgreSQL text cannot hold the NUL character, so it is left out. */
  @Override
  public String storable(String text) {
    return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }

  @Override
  public Optional<Reason> reasonOf(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      return Optional.empty();
    }
    return switch (state) {
      case "3D000" -> Optional.of(Reason.UNKNOWN_DATABASE); // invalid_catalog_name
      case "42P01", "3F000" -> Optional.of(Reason.NOT_FOUND); // undefined_table, invalid_schema_name
      default -> Dialect.standardReason(e);
    };
  }
}
