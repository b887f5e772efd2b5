package dev.doppel.application.service;

import dev.doppel.application.port.in.RecoverJobsUseCase;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.DatabaseBatchStore;
import dev.doppel.application.port.out.DatabaseEvaluationStore;
import dev.doppel.application.port.out.DatabaseModelStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.EngineCancelledException;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobQueue;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.job.FailureReason;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs training, generation and evaluation jobs, of single tables and of databases, in the background, each the same way: claim the
 * queued row, run it with a {@link Cancellation}, keep its progress in memory and write it to the
 * store at a bounded rate, record one outcome (completed, cancelled, failed), clean up once. What
 * differs between them is a {@link JobKind}.
 */
public class JobRunner implements JobQueue, RecoverJobsUseCase {
  static final String INTERRUPTED = "interrupted by restart";
  static final String UNRECORDED = "the job ended but its outcome could not be recorded; the server log has the details";
  private static final Logger log = Logger.getLogger(JobRunner.class.getName());

  private final ModelStore models;
  private final BatchStore batches;
  private final DatabaseModelStore databaseModels;
  private final FileStore files;
  private final Clock clock;
  private final JobSettings settings;
  /** In the order recovery settles and queues them. */
  private final Map<Class<? extends JobKey>, Lane<?, ?>> lanes = new LinkedHashMap<>();

  private final Map<JobKey, Object> live = new ConcurrentHashMap<>();
  private final Map<JobKey, Cancellation> running = new ConcurrentHashMap<>();

  public JobRunner(
      DatasetStore datasets, ModelStore models, BatchStore batches, EvaluationStore evaluations, DatabaseModelStore databaseModels,
      DatabaseBatchStore databaseBatches, DatabaseEvaluationStore databaseEvaluations, FileStore files, SynthesisEngine engine, Clock clock, JobSettings settings, Executor training, Executor generation,
      Executor evaluation) {
    this.models = models;
    this.batches = batches;
    this.databaseModels = databaseModels;
    this.files = files;
    this.clock = clock;
    this.settings = settings;
    JobPorts ports = new JobPorts(datasets, models, batches, evaluations, databaseModels, databaseBatches, databaseEvaluations, files, engine, clock);
    lanes.put(JobKey.Training.class, new Lane<>(new TrainingJob(ports, this), training));
    lanes.put(JobKey.Generation.class, new Lane<>(new GenerationJob(ports), generation));
    lanes.put(JobKey.Evaluation.class, new Lane<>(new EvaluationJob(ports, settings), evaluation));
    lanes.put(JobKey.DatabaseTraining.class, new Lane<>(new DatabaseTrainingJob(ports), training));
    lanes.put(JobKey.DatabaseGeneration.class, new Lane<>(new DatabaseGenerationJob(ports, this), generation));
    lanes.put(JobKey.DatabaseEvaluation.class, new Lane<>(new DatabaseEvaluationJob(ports, settings), evaluation));
  }

  /** A kind of job and the workers that run it. */
  private record Lane<K extends JobKey, J>(JobKind<K, J> kind, Executor workers) {}

  @Override
  public void queue(JobKey job) {
    Lane<?, ?> lane = lanes.get(job.getClass());
    lane.workers().execute(() -> guarded(lane, job));
  }

  @Override
  public Optional<SynthesisModel> current(ModelId id) {
    return Optional.ofNullable((SynthesisModel) live.get(new JobKey.Training(id))).or(() -> models.findById(id));
  }

  @Override
  public Optional<SyntheticBatch> current(BatchId id) {
    return Optional.ofNullable((SyntheticBatch) live.get(new JobKey.Generation(id))).or(() -> batches.findById(id));
  }

  @Override
  public Optional<DatabaseModel> current(DatabaseModelId id) {
    return Optional.ofNullable((DatabaseModel) live.get(new JobKey.DatabaseTraining(id))).or(() -> databaseModels.findById(id));
  }

  @Override
  public boolean cancelRunning(JobKey job) {
    Cancellation cancellation = running.get(job);
    if (cancellation == null) {
      return false;
    }
    cancellation.cancel();
    return true;
  }

  @Override
  public void awaitStopped(JobKey job, Duration limit) {
    Instant deadline = clock.instant().plus(limit);
    while (running.containsKey(job) && clock.instant().isBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void recover() {
    lanes.values().forEach(lane -> lane.kind().settleInterrupted(INTERRUPTED));
    lanes.values().forEach(lane -> lane.kind().queued().forEach(this::queue));
  }

  /**
   * Runs a job; when recording its outcome fails, the job is marked failed once more with a short
   * fixed reason, so that it does not stay running until the next restart.
   */
  @SuppressWarnings("unchecked")
  private <K extends JobKey, J> void guarded(Lane<K, J> lane, JobKey job) {
    K key = (K) job;
    try {
      run(lane.kind(), key);
    } catch (RuntimeException e) {
      // A store failure while recording the outcome must not kill the worker thread.
      log.log(Level.SEVERE, key.describe() + " could not record its outcome", e);
      try {
        lane.kind().failIfRunning(key, UNRECORDED);
      } catch (RuntimeException again) {
        log.log(Level.SEVERE, key.describe() + " could not be marked failed either; a restart will", again);
      }
    }
  }

  private <K extends JobKey, J> void run(JobKind<K, J> kind, K key) {
    // Registered before the claim, so that a cancel arriving in between still reaches this job.
    Cancellation cancellation = new Cancellation();
    running.put(key, cancellation);
    boolean completed = false;
    Optional<JobKind.Claimed<J>> claim = Optional.empty();
    try {
      claim = kind.claim(key);
      if (claim.isEmpty()) {
        return;
      }
      JobKind.Claimed<J> claimed = claim.get();
      live.put(key, claimed.job());
      try {
        UnaryOperator<J> completion = claimed.run(progressOf(key, claimed), cancellation);
        J stored = claimed.store(completion.apply(latest(key)));
        live.put(key, stored);
        completed = true;
        claimed.completed(stored);
      } catch (EngineCancelledException e) {
        claimed.store(claimed.cancelled(latest(key), e.getMessage(), clock.instant()));
      } catch (EngineException e) {
        claimed.store(claimed.failed(latest(key), keepFullText(claimed, e.getMessage()), clock.instant()));
      } catch (RuntimeException e) {
        log.log(Level.SEVERE, key.describe() + " broke", e);
        claimed.store(claimed.failed(latest(key), keepFullText(claimed, kind.noun() + " broke unexpectedly: " + e.getMessage()), clock.instant()));
      }
    } finally {
      if (claim.isPresent()) {
        cleanUp(claim.get(), completed);
      }
      running.remove(key);
      live.remove(key);
    }
  }

  @SuppressWarnings("unchecked")
  private <J> J latest(JobKey key) {
    return (J) live.get(key);
  }

  /** Applies each report to the job's state in memory, and writes it to the store at most once per interval. */
  private <J> JobKind.ProgressSink<J> progressOf(JobKey key, JobKind.Claimed<J> claimed) {
    ThrottledWriter writer = new ThrottledWriter();
    return change -> {
      @SuppressWarnings("unchecked")
      J updated = (J) live.computeIfPresent(key, (k, job) -> change.apply((J) job));
      if (updated != null && writer.due()) {
        claimed.store(updated);
      }
    };
  }

  /**
   * Returns the failure reason unchanged; when it is too long for the job's row (which keeps it
   * shortened), its full text is first written to a log among the job's files, so it goes when they go.
   */
  private String keepFullText(JobKind.Claimed<?> claimed, String reason) {
    claimed.failureLog().filter(logKey -> FailureReason.isTooLong(reason)).ifPresent(logKey -> {
      try {
        files.write(logKey, new ByteArrayInputStream(reason.getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE);
      } catch (RuntimeException e) {
        log.log(Level.WARNING, "could not keep the full failure message in " + logKey, e);
      }
    });
    return reason;
  }

  private static void cleanUp(JobKind.Claimed<?> claimed, boolean completed) {
    try {
      claimed.cleanUp(completed);
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "could not remove what a job left behind", e);
    }
  }

  /** Lets progress reach the store at most once per interval. */
  private final class ThrottledWriter {
    private Instant last = Instant.MIN;

    synchronized boolean due() {
      Instant now = clock.instant();
      if (last == Instant.MIN || !now.isBefore(last.plus(settings.progressWriteInterval()))) {
        last = now;
        return true;
      }
      return false;
    }
  }
}
