package dev.doppel.adapter.persistence.connection;

import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.ConnectionId;
import dev.doppel.domain.connection.DatabaseConnection;
import dev.doppel.domain.connection.DatabaseKind;
import dev.doppel.domain.connection.NewDatabaseConnection;
import dev.doppel.domain.project.ProjectId;
import org.springframework.stereotype.Component;

/** Between a database_connections row and the domain's {@link DatabaseConnection}; the password is sealed on the way in and opened on the way out. */
@Component
class DatabaseConnectionPersistenceMapper {
  private final PasswordCipher cipher;

  DatabaseConnectionPersistenceMapper(PasswordCipher cipher) {
    this.cipher = cipher;
  }

  DatabaseConnection toDomain(DatabaseConnectionJpaEntity entity) {
    ConnectionDetails details =
        new ConnectionDetails(
            DatabaseKind.valueOf(entity.getKind()), entity.getHost(), entity.getPort(), entity.getDatabaseName(), entity.getUsername(),
            cipher.open(entity.getPasswordEncrypted()));
    return new DatabaseConnection(
        new ConnectionId(entity.getId()), new ProjectId(entity.getProjectId()), entity.getName(), details, TimeColumns.toMicros(entity.getCreatedAt()));
  }

  DatabaseConnectionJpaEntity toEntity(NewDatabaseConnection connection) {
    DatabaseConnectionJpaEntity entity = new DatabaseConnectionJpaEntity();
    entity.setProjectId(connection.projectId().value());
    entity.setName(connection.name());
    entity.setKind(connection.details().kind().name());
    entity.setHost(connection.details().host());
    entity.setPort(connection.details().port());
    entity.setDatabaseName(connection.details().database());
    entity.setUsername(connection.details().username());
    entity.setPasswordEncrypted(cipher.seal(connection.details().password()));
    entity.setCreatedAt(TimeColumns.toMicros(connection.createdAt()));
    return entity;
  }
}
