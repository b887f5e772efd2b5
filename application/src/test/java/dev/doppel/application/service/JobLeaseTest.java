package dev.doppel.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineCancelledException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.NodeId;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two nodes sharing one store and one set of leases: which jobs each may run, recover and cancel. */
class JobLeaseTest {
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final NodeId STOPPED_NODE = new NodeId("stopped");

  private final InMemoryPorts ports = new InMemoryPorts();
  private final JobStores stores = new JobStores();
  private final InMemoryJobLeases leases = new InMemoryJobLeases();
  private final MovableClock clock = new MovableClock();
  private final HangingEngine engine = new HangingEngine();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  /** Evaluations a completed training asks for wait here: they are not what these tests look at. */
  private final List<Runnable> evaluations = new ArrayList<>();

  private final JobRunner first = node("first", false, threads);
  private final JobRunner second = node("second", false, Runnable::run);
  private final Dataset dataset = stores.uploadDataset(ports, first, clock);

  @AfterEach
  void stopThreads() {
    engine.finish.countDown();
    threads.shutdownNow();
  }

  private JobRunner node(String name, boolean alone, java.util.concurrent.Executor training) {
    return new JobRunner(
        ports.datasetStore, stores.models, stores.batches, stores.evaluations, stores.databaseModels, stores.databaseBatches, stores.databaseEvaluations, ports.fileStore,
        engine, clock, new JobSettings(1_000, 100, 10, Duration.ofHours(1)), leases, new JobLeaseSettings(new NodeId(name), LEASE, alone), training, Runnable::run,
        evaluations::add);
  }

  @Test
  void aSweepLeavesATrainingWhoseLeaseAnotherNodeHoldsAndItsFilesAlone() {
    SynthesisModel running = trainingLeftBy(STOPPED_NODE);
    clock.advance(LEASE.minusSeconds(1));

    second.sweep();

    assertThat(stores.modelRows.get(running.id()).status()).isEqualTo(ModelStatus.TRAINING);
    assertThat(ports.files).containsKey(running.modelFolderKey().orElseThrow() + "/model.pkl");
  }

  @Test
  void aSweepFailsATrainingWhoseLeaseRanOutAndRemovesItsFiles() {
    SynthesisModel running = trainingLeftBy(STOPPED_NODE);
    clock.advance(LEASE.plusSeconds(1));

    second.sweep();

    SynthesisModel settled = stores.modelRows.get(running.id());
    assertThat(settled.status()).isEqualTo(ModelStatus.FAILED);
    assertThat(settled.error()).contains(JobRunner.NODE_STOPPED);
    assertThat(ports.files).doesNotContainKey(running.modelFolderKey().orElseThrow() + "/model.pkl");
    assertThat(leases.rows).doesNotContainKey(new JobKey.Training(running.id()));
  }

  @Test
  void aNodeRunningAloneSettlesWhatItsEarlierRunLeftRunningAtStartUpWithoutWaitingForTheLease() {
    SynthesisModel running = trainingLeftBy(STOPPED_NODE);

    node("restarted", true, Runnable::run).recover();

    SynthesisModel settled = stores.modelRows.get(running.id());
    assertThat(settled.status()).isEqualTo(ModelStatus.FAILED);
    assertThat(settled.error()).contains(JobRunner.INTERRUPTED);
  }

  @Test
  void aNodeSharingTheDatabaseLeavesALiveLeaseAloneAtStartUp() {
    SynthesisModel running = trainingLeftBy(STOPPED_NODE);

    node("starting", false, Runnable::run).recover();

    assertThat(stores.modelRows.get(running.id()).status()).isEqualTo(ModelStatus.TRAINING);
  }

  @Test
  void aQueuedJobWhoseNodeStoppedBeforeStartingItIsRunByTheSweepingNode() {
    SynthesisModel waiting = pendingModel();
    engine.finish.countDown();

    second.sweep();

    assertThat(stores.modelRows.get(waiting.id()).status()).isEqualTo(ModelStatus.COMPLETED);
    assertThat(leases.rows).doesNotContainKey(new JobKey.Training(waiting.id()));
  }

  @Test
  void aJobWhoseLeaseAnotherNodeHoldsIsNotClaimedHere() {
    SynthesisModel waiting = pendingModel();
    leases.acquire(new JobKey.Training(waiting.id()), STOPPED_NODE, clock.instant(), clock.instant().plus(LEASE));
    engine.finish.countDown();

    second.queue(new JobKey.Training(waiting.id()));

    assertThat(stores.modelRows.get(waiting.id()).status()).isEqualTo(ModelStatus.PENDING);
  }

  @Test
  void aCancelSentToAnotherNodeStopsTheTrainingWhenItsNodeRenewsTheLease() throws InterruptedException {
    SynthesisModel model = pendingModel();
    JobKey training = new JobKey.Training(model.id());
    first.queue(training);
    assertThat(engine.started.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(second.cancelRunning(training)).isTrue();
    assertThat(stores.modelRows.get(model.id()).status()).isEqualTo(ModelStatus.TRAINING);
    first.renewLeases();
    second.awaitStopped(training, Duration.ofSeconds(10));

    assertThat(stores.modelRows.get(model.id()).status()).isEqualTo(ModelStatus.CANCELLED);
    assertThat(leases.rows).doesNotContainKey(training);
  }

  @Test
  void aNodeWhoseLeaseRanOutStopsItsTrainingAndLeavesTheOutcomeToTheNodeThatRecoveredIt() throws InterruptedException {
    SynthesisModel model = pendingModel();
    JobKey training = new JobKey.Training(model.id());
    first.queue(training);
    assertThat(engine.started.await(10, TimeUnit.SECONDS)).isTrue();
    clock.advance(LEASE.plusSeconds(1));
    second.sweep();

    first.renewLeases();
    assertThat(engine.stopped.await(10, TimeUnit.SECONDS)).isTrue();
    threads.shutdown();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    SynthesisModel settled = stores.modelRows.get(model.id());
    assertThat(settled.status()).isEqualTo(ModelStatus.FAILED);
    assertThat(settled.error()).contains(JobRunner.NODE_STOPPED);
  }

  /** A training claimed by {@code node}, with a file in its model folder, as a node that then stopped leaves it. */
  private SynthesisModel trainingLeftBy(NodeId node) {
    SynthesisModel model = pendingModel();
    leases.acquire(new JobKey.Training(model.id()), node, clock.instant(), clock.instant().plus(LEASE));
    SynthesisModel running = stores.models.claim(model.id(), FileKeys.modelFolder(dataset, model.id()), clock.instant()).orElseThrow();
    ports.files.put(running.modelFolderKey().orElseThrow() + "/model.pkl", new byte[1]);
    return running;
  }

  private SynthesisModel pendingModel() {
    return stores.models.add(new NewModel(dataset.id(), new Algorithm("GaussianCopula"), TrainingSettings.NONE, Optional.empty(), clock.instant()));
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Trains until told to finish or cancelled; nothing else is asked of it here. */
  private static final class HangingEngine extends RefusingEngine {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch stopped = new CountDownLatch(1);
    final CountDownLatch finish = new CountDownLatch(1);

    @Override
    public TrainingSummary train(EngineRequests.Training request, ProgressListener listener, Cancellation cancellation) {
      started.countDown();
      cancellation.onCancel(finish::countDown);
      try {
        finish.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (cancellation.isCancelled()) {
        stopped.countDown();
        throw new EngineCancelledException();
      }
      return new TrainingSummary(1.0, Map.of(), List.of(), Optional.empty());
    }
  }
}
