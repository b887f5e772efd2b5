package dev.doppel.application.port.in;

import dev.doppel.domain.connection.ConnectionId;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.user.UserId;
import java.util.Objects;

/**
 * @param schema the schema (MariaDB/MySQL: the database) to create the tables in; it must exist
 * @param dryRun work out the statements and check the target, but write nothing
 * @param replaceExisting drop tables of the batch's names that already hold rows, instead of refusing
 */
public record ExportDatabaseCommand(UserId owner, DatabaseBatchId batch, ConnectionId connection, String schema, boolean dryRun, boolean replaceExisting) {
  public ExportDatabaseCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(batch, "batch");
    if (connection == null) {
      throw new InvalidInputException("connectionId", "connectionId is required: a connection of the batch's project");
    }
    if (schema == null || schema.isBlank()) {
      throw new InvalidInputException("schema", "schema is required: one of the names GET /api/connections/{id}/schemas lists");
    }
  }
}
