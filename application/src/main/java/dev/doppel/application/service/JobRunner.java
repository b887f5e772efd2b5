package dev.doppel.application.service;

import dev.doppel.application.port.in.RecoverJobsUseCase;
import dev.doppel.application.port.in.RenewJobLeasesUseCase;
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
import dev.doppel.application.port.out.JobLeases;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs training, generation and evaluation jobs, of single tables and of databases, in the background, each the same way: take the
 * job's lease, claim the queued row, run it with a {@link Cancellation}, keep its progress in memory and write it to the
 * store at a bounded rate, record one outcome (completed, cancelled, failed), clean up once, give the lease back. What
 * differs between them is a {@link JobKind}.
 *
 * <p>Several nodes may share one database: the lease says which node runs a job and lasts while
 * that node renews it. Only a job whose lease ran out (its node stopped) is recovered, by whichever
 * node sweeps first; a cancel meant for another node's job is left on its lease for that node to act on.
 */
public class JobRunner implements JobQueue, RecoverJobsUseCase, RenewJobLeasesUseCase {
  static final String INTERRUPTED = "interrupted by restart";
  static final String NODE_STOPPED = "the node running it stopped";
  static final String UNRECORDED = "the job ended but its outcome could not be recorded; the server log has the details";
  private static final Logger log = Logger.getLogger(JobRunner.class.getName());

  private final ModelStore models;
  private final BatchStore batches;
  private final DatabaseModelStore databaseModels;
  private final FileStore files;
  private final Clock clock;
  private final JobSettings settings;
  private final JobLeases leases;
  private final JobLeaseSettings leaseSettings;
  /** In the order recovery settles and queues them. */
  private final Map<Class<? extends JobKey>, Lane<?, ?>> lanes = new LinkedHashMap<>();

  private final Map<JobKey, Object> live = new ConcurrentHashMap<>();
  private final Map<JobKey, RunningJob> running = new ConcurrentHashMap<>();
  /** Jobs handed to a worker here that has not started them yet. */
  private final Set<JobKey> waiting = ConcurrentHashMap.newKeySet();

  public JobRunner(
      DatasetStore datasets, ModelStore models, BatchStore batches, EvaluationStore evaluations, DatabaseModelStore databaseModels,
      DatabaseBatchStore databaseBatches, DatabaseEvaluationStore databaseEvaluations, FileStore files, SynthesisEngine engine, Clock clock, JobSettings settings, JobLeases leases,
      JobLeaseSettings leaseSettings, Executor training, Executor generation, Executor evaluation) {
    this.models = models;
    this.batches = batches;
    this.databaseModels = databaseModels;
    this.files = files;
    this.clock = clock;
    this.settings = settings;
    this.leases = leases;
    this.leaseSettings = leaseSettings;
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

  /** A job a worker here has started: registered before its lease is taken, so that a cancel arriving meanwhile reaches it. */
  private static final class RunningJob {
    final Cancellation cancellation = new Cancellation();
    /** Set while this node holds the job's lease. */
    volatile boolean leased;
    /** Set once this node claimed the job's row. */
    volatile boolean claimed;
    /** Set when the lease ran out and another node may have settled the job: this node then writes nothing more of it. */
    volatile boolean leaseLost;
  }

  /** Hands the job to a worker, unless one here is already waiting to start it. */
  @Override
  public void queue(JobKey job) {
    if (!waiting.add(job)) {
      return;
    }
    Lane<?, ?> lane = lanes.get(job.getClass());
    lane.workers().execute(() -> {
      waiting.remove(job);
      guarded(lane, job);
    });
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
    RunningJob here = running.get(job);
    if (here == null) {
      return leases.requestCancel(job, clock.instant());
    }
    here.cancellation.cancel();
    return true;
  }

  @Override
  public void awaitStopped(JobKey job, Duration limit) {
    Instant deadline = clock.instant().plus(limit);
    while ((running.containsKey(job) || leases.isHeld(job, clock.instant())) && clock.instant().isBefore(deadline)) {
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
    if (leaseSettings.alone()) {
      leases.releaseAllBut(leaseSettings.node());
    }
    sweep();
  }

  /**
   * Settles the running jobs whose lease ran out, taking each one's lease first so that no other
   * node settles it too, then hands the waiting jobs to workers here (a node that stopped took its
   * own queue with it). Jobs running here are left alone, whatever their lease.
   */
  @Override
  public void sweep() {
    String reason = leaseSettings.alone() ? INTERRUPTED : NODE_STOPPED;
    lanes.values().forEach(lane -> settleAbandoned(lane.kind(), reason));
    lanes.values().forEach(lane -> lane.kind().queued().forEach(this::queue));
    leases.dropExpired(clock.instant());
  }

  private <K extends JobKey> void settleAbandoned(JobKind<K, ?> kind, String reason) {
    for (K key : kind.running()) {
      if (running.containsKey(key) || !takeLease(key)) {
        continue;
      }
      try {
        log.warning(() -> key.describe() + ": " + reason);
        kind.settleInterrupted(key, reason);
      } catch (RuntimeException e) {
        log.log(Level.SEVERE, key.describe() + " could not be settled; the next sweep tries again", e);
      } finally {
        leases.release(key, leaseSettings.node());
      }
    }
  }

  /**
   * Extends this node's leases; a job whose lease another node asked to cancel is stopped, and one
   * whose lease is gone (it ran out and another node may have settled the job) is stopped without
   * writing anything more.
   */
  @Override
  public void renewLeases() {
    Map<JobKey, RunningJob> leasedBefore = new LinkedHashMap<>();
    running.forEach((key, job) -> {
      if (job.leased) {
        leasedBefore.put(key, job);
      }
    });
    List<JobLeases.Held> held = leases.renew(leaseSettings.node(), clock.instant().plus(leaseSettings.leaseDuration()));
    Set<JobKey> stillHeld = new HashSet<>();
    for (JobLeases.Held lease : held) {
      stillHeld.add(lease.job());
      RunningJob job = running.get(lease.job());
      if (lease.cancelRequested() && job != null) {
        job.cancellation.cancel();
      }
    }
    leasedBefore.forEach((key, job) -> {
      if (job.leased && !stillHeld.contains(key)) {
        log.warning(() -> key.describe() + " lost its lease; it is stopped here and left to the node that recovers it");
        job.leaseLost = true;
        job.cancellation.cancel();
      }
    });
  }

  private boolean takeLease(JobKey key) {
    Instant now = clock.instant();
    return leases.acquire(key, leaseSettings.node(), now, now.plus(leaseSettings.leaseDuration()));
  }

  /**
   * Runs a job; when recording its outcome fails, the job is marked failed once more with a short
   * fixed reason, so that it does not stay running until a sweep settles it.
   */
  @SuppressWarnings("unchecked")
  private <K extends JobKey, J> void guarded(Lane<K, J> lane, JobKey job) {
    K key = (K) job;
    RunningJob here = new RunningJob();
    if (running.putIfAbsent(key, here) != null) {
      return;
    }
    try {
      run(lane.kind(), key, here);
    } catch (RuntimeException e) {
      if (!here.claimed || here.leaseLost) {
        // Not this node's to settle: it never ran the job here, or another node may be settling it.
        log.log(Level.WARNING, key.describe() + " stopped before running here or after losing its lease", e);
        return;
      }
      // A store failure while recording the outcome must not kill the worker thread.
      log.log(Level.SEVERE, key.describe() + " could not record its outcome", e);
      try {
        lane.kind().failIfRunning(key, UNRECORDED);
      } catch (RuntimeException again) {
        log.log(Level.SEVERE, key.describe() + " could not be marked failed either; a sweep settles it", again);
      }
    }
  }

  /** Runs a job registered as running here: a job whose lease another node holds is left to that node. */
  private <K extends JobKey, J> void run(JobKind<K, J> kind, K key, RunningJob here) {
    boolean completed = false;
    Optional<JobKind.Claimed<J>> claim = Optional.empty();
    try {
      if (!takeLease(key)) {
        return;
      }
      here.leased = true;
      claim = kind.claim(key);
      if (claim.isEmpty()) {
        return;
      }
      here.claimed = true;
      JobKind.Claimed<J> claimed = claim.get();
      live.put(key, claimed.job());
      try {
        UnaryOperator<J> completion = claimed.run(progressOf(key, claimed, here), here.cancellation);
        if (!here.leaseLost) {
          J stored = claimed.store(completion.apply(latest(key)));
          live.put(key, stored);
          completed = true;
          claimed.completed(stored);
        }
      } catch (EngineCancelledException e) {
        if (!here.leaseLost) {
          claimed.store(claimed.cancelled(latest(key), e.getMessage(), clock.instant()));
        }
      } catch (EngineException e) {
        if (!here.leaseLost) {
          claimed.store(claimed.failed(latest(key), keepFullText(claimed, e.getMessage()), clock.instant()));
        }
      } catch (RuntimeException e) {
        log.log(Level.SEVERE, key.describe() + " broke", e);
        if (!here.leaseLost) {
          claimed.store(claimed.failed(latest(key), keepFullText(claimed, kind.noun() + " broke unexpectedly: " + e.getMessage()), clock.instant()));
        }
      }
    } finally {
      // A job that lost its lease may already run again elsewhere: its files are that run's now.
      if (claim.isPresent() && !here.leaseLost) {
        cleanUp(claim.get(), completed);
      }
      giveLeaseBack(key, here);
      running.remove(key);
      live.remove(key);
    }
  }

  private void giveLeaseBack(JobKey key, RunningJob here) {
    if (!here.leased) {
      return;
    }
    here.leased = false;
    try {
      leases.release(key, leaseSettings.node());
    } catch (RuntimeException e) {
      log.log(Level.WARNING, key.describe() + " could not give its lease back; it runs out by itself", e);
    }
  }

  @SuppressWarnings("unchecked")
  private <J> J latest(JobKey key) {
    return (J) live.get(key);
  }

  /** Applies each report to the job's state in memory, and writes it to the store at most once per interval. */
  private <J> JobKind.ProgressSink<J> progressOf(JobKey key, JobKind.Claimed<J> claimed, RunningJob here) {
    ThrottledWriter writer = new ThrottledWriter();
    return change -> {
      @SuppressWarnings("unchecked")
      J updated = (J) live.computeIfPresent(key, (k, job) -> change.apply((J) job));
      if (updated != null && !here.leaseLost && writer.due()) {
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
