package dev.doppel.application.port.in;

import dev.doppel.domain.relational.DatabaseBatch;

public interface GenerateDatabaseUseCase {
  /** @throws ConflictException when the database model has not completed its training */
  DatabaseBatch generate(GenerateDatabaseCommand command);
}
