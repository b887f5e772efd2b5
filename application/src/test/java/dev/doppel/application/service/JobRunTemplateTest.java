package dev.doppel.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineCancelledException;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.NewBatch;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.job.FailureReason;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.NewDatabaseBatch;
import dev.doppel.domain.relational.NewDatabaseModel;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TableSummary;
import dev.doppel.domain.relational.TrainedTable;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The runner's one template, seen through each kind of job: workers run on the calling thread, so a job has ended when queueing returns. */
class JobRunTemplateTest {
  private static final TrainingSummary TRAINED = new TrainingSummary(1.0, Map.of(), List.of());
  private static final EvaluationReport SCORED = new EvaluationReport(0.9, 0.8, "{}");

  private final InMemoryPorts ports = new InMemoryPorts();
  private final JobStores stores = new JobStores();
  private final Clock clock = Clock.systemUTC();
  private final ScriptedEngine engine = new ScriptedEngine();
  private final List<Runnable> waiting = new ArrayList<>();
  private Duration progressInterval = Duration.ofHours(1);
  private boolean runAtOnce = true;

  private final JobRunner jobs =
      new JobRunner(
          ports.datasetStore, stores.models, stores.batches, stores.evaluations, stores.databaseModels, stores.databaseBatches, stores.databaseEvaluations, ports.fileStore, engine, clock,
          new JobSettings(1_000, 100, 10, Duration.ofHours(1)), new InMemoryJobLeases(), InMemoryJobLeases.ALONE, this::work, this::work, this::work);
  private final Dataset dataset = stores.uploadDataset(ports, jobs, clock);

  @Test
  void claimsAQueuedTrainingCompletesItAndRunsTheEvaluationItRequests() {
    SynthesisModel model = pendingModel();

    jobs.queue(new JobKey.Training(model.id()));

    SynthesisModel trained = stores.modelRows.get(model.id());
    assertThat(trained.status()).isEqualTo(ModelStatus.COMPLETED);
    assertThat(trained.modelFolderKey()).contains(FileKeys.modelFolder(dataset, model.id()));
    assertThat(trained.summary()).contains(TRAINED);
    assertThat(stores.evaluationRows.get(model.id()).status()).isEqualTo(EvaluationStatus.COMPLETED);
    assertThat(ports.files).doesNotContainKey(FileKeys.evaluationSample(dataset, model.id()));
    assertThat(jobs.cancelRunning(new JobKey.Training(model.id()))).isFalse();
  }

  @Test
  void runsNothingForAJobThatIsNoLongerQueued() {
    SynthesisModel model = pendingModel();
    stores.models.update(model.fail("no table", clock.instant()));

    jobs.queue(new JobKey.Training(model.id()));

    assertThat(engine.trainings).hasValue(0);
    assertThat(stores.modelRows.get(model.id()).status()).isEqualTo(ModelStatus.FAILED);
  }

  @Test
  void keepsProgressLiveInMemoryAndWritesItAtABoundedRate() {
    SynthesisModel model = pendingModel();
    List<Optional<SynthesisModel>> seenWhileTraining = new ArrayList<>();
    engine.training = (listener, cancellation) -> {
      for (int epoch = 1; epoch <= 3; epoch++) {
        listener.progress(new ProgressListener.Progress("fit", Optional.of(epoch), Optional.of(3), Map.of("loss", 1.0 / epoch), Optional.empty(), Optional.empty(), epoch));
        seenWhileTraining.add(jobs.current(model.id()));
      }
      return TRAINED;
    };

    jobs.queue(new JobKey.Training(model.id()));

    assertThat(seenWhileTraining).extracting(seen -> seen.orElseThrow().progress().orElseThrow().epoch().orElseThrow()).containsExactly(1, 2, 3);
    // Within one interval only the first report reaches the store; the completed model carries all three.
    assertThat(stores.modelUpdates).extracting(SynthesisModel::status).containsExactly(ModelStatus.TRAINING, ModelStatus.COMPLETED);
    assertThat(stores.modelRows.get(model.id()).lossHistory()).hasSize(3);
  }

  @Test
  void aJobCancelledBeforeItRunsIsNeverStarted() {
    SynthesisModel model = pendingModel();
    stores.models.cancelIfPending(model.id(), clock.instant());

    jobs.queue(new JobKey.Training(model.id()));

    assertThat(engine.trainings).hasValue(0);
    assertThat(stores.modelRows.get(model.id()).status()).isEqualTo(ModelStatus.CANCELLED);
    assertThat(stores.modelRows.get(model.id()).startedAt()).isEmpty();
  }

  @Test
  void aJobCancelledWhileRunningEndsCancelledAndLeavesNoFiles() {
    SynthesisModel model = pendingModel();
    JobKey key = new JobKey.Training(model.id());
    engine.training = (listener, cancellation) -> {
      ports.files.put(FileKeys.modelFolder(dataset, model.id()) + "/model.pkl", new byte[1]);
      assertThat(jobs.cancelRunning(key)).isTrue();
      assertThat(cancellation.isCancelled()).isTrue();
      throw new EngineCancelledException();
    };

    jobs.queue(key);

    SynthesisModel cancelled = stores.modelRows.get(model.id());
    assertThat(cancelled.status()).isEqualTo(ModelStatus.CANCELLED);
    assertThat(cancelled.error()).contains("cancelled by the user");
    assertThat(ports.files.keySet()).noneMatch(k -> k.startsWith(FileKeys.modelFolder(dataset, model.id())));
    assertThat(jobs.cancelRunning(key)).isFalse();
  }

  @Test
  void aGenerationCancelledWhileRunningKeepsTheRowsItReachedAndNoFile() {
    SyntheticBatch batch = pendingBatch(completedModel());
    JobKey key = new JobKey.Generation(batch.id());
    engine.generation = (request, listener, cancellation) -> {
      listener.progress(new ProgressListener.Progress("sample", Optional.empty(), Optional.empty(), Map.of(), Optional.of(40L), Optional.of(100L), 1));
      assertThat(jobs.current(batch.id()).orElseThrow().rowsDone()).isEqualTo(40);
      jobs.cancelRunning(key);
      throw new EngineCancelledException();
    };

    jobs.queue(key);

    SyntheticBatch cancelled = stores.batchRows.get(batch.id());
    assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
    assertThat(cancelled.rowsDone()).isEqualTo(40);
    assertThat(cancelled.file()).isEmpty();
  }

  @Test
  void aTimedOutJobFailsWithTheEnginesMessageAndLeavesNoFiles() {
    SynthesisModel model = pendingModel();
    engine.training = (listener, cancellation) -> {
      ports.files.put(FileKeys.modelFolder(dataset, model.id()) + "/model.pkl", new byte[1]);
      throw new EngineException(EngineException.Kind.TIMED_OUT, "training ran longer than 1 h and was stopped");
    };

    jobs.queue(new JobKey.Training(model.id()));

    SynthesisModel failed = stores.modelRows.get(model.id());
    assertThat(failed.status()).isEqualTo(ModelStatus.FAILED);
    assertThat(failed.error()).contains("training ran longer than 1 h and was stopped");
    assertThat(ports.files.keySet()).noneMatch(k -> k.startsWith(FileKeys.modelFolder(dataset, model.id())));
  }

  @Test
  void anEngineCrashWithALongMessageKeepsItsFullTextInTheJobsLog() {
    SynthesisModel model = pendingModel();
    String trace = "Traceback: " + "x".repeat(FailureReason.MAX_LENGTH);
    engine.training = (listener, cancellation) -> {
      throw new EngineException(EngineException.Kind.CRASHED, trace);
    };

    jobs.queue(new JobKey.Training(model.id()));

    SynthesisModel failed = stores.modelRows.get(model.id());
    assertThat(failed.status()).isEqualTo(ModelStatus.FAILED);
    assertThat(failed.error().orElseThrow()).hasSize(FailureReason.MAX_LENGTH).startsWith("Traceback: xxx");
    assertThat(new String(ports.files.get(FileKeys.trainingFailureLog(dataset, model.id())), StandardCharsets.UTF_8)).isEqualTo(trace);
  }

  @Test
  void anUnexpectedExceptionFailsTheJobAndSaysSo() {
    SyntheticBatch batch = pendingBatch(completedModel());
    engine.generation = (request, listener, cancellation) -> {
      throw new IllegalStateException("disk gone");
    };

    jobs.queue(new JobKey.Generation(batch.id()));

    SyntheticBatch failed = stores.batchRows.get(batch.id());
    assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
    assertThat(failed.error()).contains("generation broke unexpectedly: disk gone");
  }

  @Test
  void aGenerationWhoseModelWentFailsAndSaysWhy() {
    SynthesisModel model = completedModel();
    SyntheticBatch batch = pendingBatch(model);
    stores.models.delete(model.id());

    jobs.queue(new JobKey.Generation(batch.id()));

    assertThat(stores.batchRows.get(batch.id()).error()).contains("the model was deleted");
  }

  @Test
  void aStoppedEvaluationFailsAndLeavesNoSample() {
    SynthesisModel model = completedModel();
    stores.evaluations.save(Evaluation.requested(model.id(), clock.instant()));
    engine.evaluation = () -> {
      throw new EngineException(EngineException.Kind.CRASHED, "the evaluation process died");
    };

    jobs.queue(new JobKey.Evaluation(model.id()));

    Evaluation failed = stores.evaluationRows.get(model.id());
    assertThat(failed.status()).isEqualTo(EvaluationStatus.FAILED);
    assertThat(failed.error()).contains("the evaluation process died");
    assertThat(ports.files).doesNotContainKey(FileKeys.evaluationSample(dataset, model.id()));
  }

  @Test
  void recoveryFailsWhatARestartInterruptedRequestsInterruptedEvaluationsAgainAndQueuesEveryWaitingJob() {
    SynthesisModel training = stores.models.claim(pendingModel().id(), "models/interrupted", clock.instant()).orElseThrow();
    ports.files.put("models/interrupted/model.pkl", new byte[1]);
    SynthesisModel waitingModel = pendingModel();
    SynthesisModel trained = completedModel();
    SyntheticBatch generating = stores.batches.claim(pendingBatch(trained).id(), clock.instant()).orElseThrow();
    SyntheticBatch waitingBatch = pendingBatch(trained);
    stores.evaluations.save(Evaluation.requested(trained.id(), Optional.of("a"), clock.instant()).start(clock.instant()));
    runAtOnce = false;

    jobs.recover();

    assertThat(stores.modelRows.get(training.id()).status()).isEqualTo(ModelStatus.FAILED);
    assertThat(stores.modelRows.get(training.id()).error()).contains(JobRunner.INTERRUPTED);
    assertThat(ports.files).doesNotContainKey("models/interrupted/model.pkl");
    assertThat(stores.batchRows.get(generating.id()).error()).contains(JobRunner.INTERRUPTED);
    Evaluation again = stores.evaluationRows.get(trained.id());
    assertThat(again.status()).isEqualTo(EvaluationStatus.PENDING);
    assertThat(again.target()).contains("a");
    assertThat(waiting).hasSize(3);

    while (!waiting.isEmpty()) {
      waiting.remove(0).run();
    }

    assertThat(stores.modelRows.get(waitingModel.id()).status()).isEqualTo(ModelStatus.COMPLETED);
    assertThat(stores.batchRows.get(waitingBatch.id()).status()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(stores.evaluationRows.get(trained.id()).status()).isEqualTo(EvaluationStatus.COMPLETED);
  }

  @Test
  void recoveryFailsTheDatabaseJobsARestartInterruptedAndQueuesTheWaitingOnes() {
    NewDatabaseModel request = new NewDatabaseModel(
        dataset.projectId(), new Algorithm("TabularARGN"), new TrainingSettings(Map.of()), Optional.empty(),
        List.of(new TrainedTable(dataset.id(), "t", List.of())), List.of(), clock.instant());
    DatabaseModel training = stores.databaseModels.claim(stores.databaseModels.add(request).id(), "databases/interrupted", clock.instant()).orElseThrow();
    ports.files.put("databases/interrupted/database.json", new byte[1]);
    DatabaseModel trained = stores.databaseModels.update(
        stores.databaseModels.claim(stores.databaseModels.add(request).id(), "databases/trained", clock.instant()).orElseThrow().complete(List.of(), clock.instant()));
    DatabaseBatch generating = stores.databaseBatches.claim(
        stores.databaseBatches.add(new NewDatabaseBatch(trained.id(), 1, Optional.empty(), Map.of(), Map.of(), clock.instant())).id(), clock.instant()).orElseThrow();
    DatabaseModel waitingModel = stores.databaseModels.add(request);
    DatabaseBatch waitingBatch = stores.databaseBatches.add(new NewDatabaseBatch(trained.id(), 1, Optional.empty(), Map.of(), Map.of(), clock.instant()));
    runAtOnce = false;

    jobs.recover();

    assertThat(stores.databaseModels.findById(training.id()).orElseThrow().error()).contains(JobRunner.INTERRUPTED);
    assertThat(ports.files).doesNotContainKey("databases/interrupted/database.json");
    assertThat(stores.databaseBatches.findById(generating.id()).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
    assertThat(stores.databaseModels.findById(waitingModel.id()).orElseThrow().status()).isEqualTo(ModelStatus.PENDING);
    assertThat(waiting).hasSize(2);
    assertThat(stores.databaseBatches.findById(waitingBatch.id()).orElseThrow().status()).isEqualTo(BatchStatus.PENDING);
  }

  private void work(Runnable job) {
    if (runAtOnce) {
      job.run();
    } else {
      waiting.add(job);
    }
  }

  private SynthesisModel pendingModel() {
    return stores.models.add(new NewModel(dataset.id(), new Algorithm("GaussianCopula"), TrainingSettings.NONE, Optional.empty(), clock.instant()));
  }

  private SynthesisModel completedModel() {
    SynthesisModel model = stores.models.claim(pendingModel().id(), "models/trained", clock.instant()).orElseThrow();
    return stores.models.update(model.complete(TRAINED, clock.instant()));
  }

  private SyntheticBatch pendingBatch(SynthesisModel model) {
    return stores.batches.add(new NewBatch(model.id(), 100, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), clock.instant()));
  }

  /** An engine whose answers each test sets; by default every job succeeds at once. */
  private final class ScriptedEngine implements SynthesisEngine {
    interface Training {
      TrainingSummary run(ProgressListener listener, Cancellation cancellation);
    }

    interface Generation {
      EngineRequests.GeneratedFile run(EngineRequests.Generation request, ProgressListener listener, Cancellation cancellation);
    }

    final AtomicInteger trainings = new AtomicInteger();
    Training training = (listener, cancellation) -> TRAINED;
    Generation generation = (request, listener, cancellation) -> written(request);
    Supplier<EvaluationReport> evaluation = () -> SCORED;

    @Override
    public AlgorithmCatalogue describe() {
      return new AlgorithmCatalogue(List.of());
    }

    @Override
    public TrainingSummary train(EngineRequests.Training request, ProgressListener listener, Cancellation cancellation) {
      trainings.incrementAndGet();
      return training.run(listener, cancellation);
    }

    @Override
    public EngineRequests.GeneratedFile generate(EngineRequests.Generation request, ProgressListener listener, Cancellation cancellation) {
      return generation.run(request, listener, cancellation);
    }

    @Override
    public EngineRequests.Sampled sample(EngineRequests.Generation request, Cancellation cancellation) {
      throw new UnsupportedOperationException("jobs never sample");
    }

    @Override
    public long check(EngineRequests.ConditioningCheck request) {
      throw new UnsupportedOperationException("jobs never check conditions");
    }

    @Override
    public List<TableSummary> trainDatabase(EngineRequests.DatabaseTraining request, ProgressListener listener, Cancellation cancellation) {
      throw new UnsupportedOperationException("these jobs train no database");
    }

    @Override
    public List<TableRows> generateDatabase(EngineRequests.DatabaseGeneration request, ProgressListener listener, Cancellation cancellation) {
      throw new UnsupportedOperationException("these jobs train no database");
    }

    @Override
    public String evaluateDatabase(EngineRequests.DatabaseEvaluation request, ProgressListener listener, Cancellation cancellation) {
      throw new UnsupportedOperationException("these jobs evaluate no database");
    }

    @Override
    public EvaluationReport evaluate(EngineRequests.Evaluation request, ProgressListener listener, Cancellation cancellation) {
      return evaluation.get();
    }

    /** Writes the requested rows where the file store keeps the output path's key. */
    private EngineRequests.GeneratedFile written(EngineRequests.Generation request) {
      String key = ports.fileStore.locate("").relativize(request.output()).toString();
      ports.files.put(key, "a\n1\n".getBytes(StandardCharsets.UTF_8));
      return new EngineRequests.GeneratedFile(request.output(), request.rows(), 0);
    }
  }
}
