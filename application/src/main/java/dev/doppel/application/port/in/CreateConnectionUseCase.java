package dev.doppel.application.port.in;

import dev.doppel.domain.connection.DatabaseConnection;

/** Adds a database connection to a project; its password is stored encrypted and never returned. */
public interface CreateConnectionUseCase {
  DatabaseConnection create(CreateConnectionCommand command);
}
