package dev.doppel.application.port.in;

import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.user.UserId;
import java.util.List;

/** Reads a user's database batches; another user's answers {@link NotFoundException}. */
public interface FindDatabaseBatchesUseCase {
  DatabaseBatch get(UserId owner, DatabaseBatchId batch);

  /** Newest first. */
  List<DatabaseBatch> listByModel(UserId owner, DatabaseModelId model);
}
