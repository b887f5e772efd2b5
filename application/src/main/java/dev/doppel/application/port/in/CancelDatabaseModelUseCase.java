package dev.doppel.application.port.in;

import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.user.UserId;

public interface CancelDatabaseModelUseCase {
  /** @throws ConflictException when its training has finished already */
  DatabaseModel cancel(UserId owner, DatabaseModelId model);
}
