package dev.doppel.application.port.out;

import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs trainings, generations and evaluations in the background. The store is the queue: a job is
 * a queued row, which {@link #queue} hands to a worker that claims it atomically.
 */
public interface JobQueue {
  /** Hands the job, already stored as queued, to a worker. */
  void queue(JobKey job);

  /** The freshest state of a model: from memory while it trains here, else from the store. */
  Optional<SynthesisModel> current(ModelId model);

  /** The freshest state of a batch: from memory while it is generated here, else from the store. */
  Optional<SyntheticBatch> current(BatchId batch);

  /** The freshest state of a database model: from memory while it trains here, else from the store. */
  Optional<DatabaseModel> current(DatabaseModelId model);

  /** Asks a running job to stop, on whichever node runs it; false when no node runs it. */
  boolean cancelRunning(JobKey job);

  /** Waits, at most {@code limit}, for a running job to finish, on whichever node runs it. */
  void awaitStopped(JobKey job, Duration limit);
}
