package dev.doppel.application.port.out;

import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.relational.NewDatabaseBatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface DatabaseBatchStore {
  DatabaseBatch add(NewDatabaseBatch batch);

  Optional<DatabaseBatch> findById(DatabaseBatchId id);

  /** Newest first. */
  List<DatabaseBatch> listByModel(DatabaseModelId model);

  /** Oldest first. */
  List<DatabaseBatch> listByStatus(BatchStatus status);

  DatabaseBatch update(DatabaseBatch batch);

  /** Atomically moves a PENDING database batch to GENERATING; empty when it was no longer pending. */
  Optional<DatabaseBatch> claim(DatabaseBatchId id, Instant now);

  /** Atomically cancels a database batch that is still PENDING; empty when it was not. */
  Optional<DatabaseBatch> cancelIfPending(DatabaseBatchId id, Instant now);
}
