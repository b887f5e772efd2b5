package dev.doppel.adapter.web.connection;

import dev.doppel.domain.connection.DatabaseConnection;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;

@Schema(description = "A database connection; its password is stored encrypted and never returned")
public record ConnectionResponse(
    long id, long projectId, String name, @Schema(allowableValues = {"mariadb", "postgresql"}) String kind, String host, int port, String database,
    String username, Instant createdAt) {
  static ConnectionResponse from(DatabaseConnection connection) {
    return new ConnectionResponse(
        connection.id().value(), connection.projectId().value(), connection.name(), connection.details().kind().name().toLowerCase(Locale.ROOT),
        connection.details().host(), connection.details().port(), connection.details().database(), connection.details().username(),
        connection.createdAt());
  }
}
