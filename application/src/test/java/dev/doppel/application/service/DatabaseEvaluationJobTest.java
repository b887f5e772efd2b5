package dev.doppel.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.FindDatabaseBatchesUseCase;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseEvaluation;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.relational.NewDatabaseBatch;
import dev.doppel.domain.relational.NewDatabaseModel;
import dev.doppel.domain.relational.TableLink;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TableSummary;
import dev.doppel.domain.relational.TrainedTable;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import dev.doppel.domain.user.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database batch's generation as the engine is asked for it, and its evaluation: requested when the batch completes, run over the batch's stored tables, and asked for again. */
class DatabaseEvaluationJobTest {
  private static final String REPORT = "{\"summary\":{\"integrity\":1.0}}";
  private static final UserId OWNER = new UserId(1);

  @TempDir
  Path disk;

  private final InMemoryPorts ports = new InMemoryPorts();
  private final JobStores stores = new JobStores();
  private final Clock clock = Clock.systemUTC();
  private final ScriptedEngine engine = new ScriptedEngine();
  private final List<Runnable> waiting = new ArrayList<>();
  private boolean runAtOnce = true;

  /** The in-memory store for what is written through it; the engine's files on disk, where it was told to put them. */
  private final FileStore files =
      new FileStore() {
        @Override
        public StoredContent write(String key, InputStream content, long maxBytes) {
          return ports.fileStore.write(key, content, maxBytes);
        }

        @Override
        public InputStream open(String key) {
          return ports.fileStore.open(key);
        }

        @Override
        public StoredContent inspect(String key) {
          return ports.fileStore.inspect(key);
        }

        @Override
        public Path locate(String key) {
          return disk.resolve(key);
        }

        @Override
        public void delete(String keyOrPrefix) {
          ports.fileStore.delete(keyOrPrefix);
          try (Stream<Path> found = Files.exists(locate(keyOrPrefix)) ? Files.walk(locate(keyOrPrefix)) : Stream.empty()) {
            found.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private final JobRunner jobs =
      new JobRunner(
          ports.datasetStore, stores.models, stores.batches, stores.evaluations, stores.databaseModels, stores.databaseBatches, stores.databaseEvaluations, files,
          engine, clock, new JobSettings(1_000, 100, 500, Duration.ofHours(1)), new InMemoryJobLeases(), InMemoryJobLeases.ALONE, this::work, this::work, this::work);
  private final Dataset dataset = stores.uploadDataset(ports, jobs, clock);
  private final DatabaseModel model = trainedModel();
  private final DatabaseEvaluationService service = new DatabaseEvaluationService(new OwnedBatches(), stores.databaseEvaluations, jobs, clock);

  @Test
  void aCompletedBatchRequestsItsEvaluationWhichComparesEachTableWithItsStoredFileAndKeepsTheReport() throws IOException {
    DatabaseBatch batch = generatedBatch();

    assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
    DatabaseEvaluation evaluation = stores.databaseEvaluations.find(batch.id()).orElseThrow();
    assertThat(evaluation.status()).isEqualTo(EvaluationStatus.COMPLETED);
    assertThat(evaluation.report()).contains(REPORT);
    EngineRequests.DatabaseEvaluation asked = engine.evaluations.get(0);
    assertThat(asked.tables()).extracting(EngineRequests.DatabaseTable::name).containsExactly("People", "Salaries");
    assertThat(asked.links()).containsExactly(new EngineRequests.DatabaseLink("People", List.of("id"), "Salaries", List.of("id"), List.of("year")));
    String folder = batch.folderKey().orElseThrow();
    assertThat(asked.synthetic()).containsExactly(
        Map.entry("People", files.locate(FileKeys.databaseBatchTable(folder, 0))), Map.entry("Salaries", files.locate(FileKeys.databaseBatchTable(folder, 1))));
    assertThat(engine.readTables).containsExactly("id\np1\n", "id,year\np1,2001\n");
    assertThat(asked.maxRows()).isEqualTo(500);
    assertThat(asked.report()).doesNotExist();
  }

  @Test
  void aBatchsAnomaliesReachTheEngineAndItsAnomalyRowsAreKeptPerTable() {
    AnomalySpec spec = new AnomalySpec(0.5, Optional.of("is_anomaly"), Optional.empty(), List.of());
    engine.anomalyRows = 1;

    DatabaseBatch queued = stores.databaseBatches.add(new NewDatabaseBatch(model.id(), 1, Optional.empty(), Map.of("Salaries", spec), Map.of(), clock.instant()));
    jobs.queue(new JobKey.DatabaseGeneration(queued.id()));

    assertThat(engine.generations.get(0).anomalies()).containsExactly(Map.entry("Salaries", spec));
    DatabaseBatch completed = stores.databaseBatches.findById(queued.id()).orElseThrow();
    assertThat(completed.tableRows()).containsExactly(new TableRows("People", 1, 0), new TableRows("Salaries", 1, 1));
  }

  @Test
  void aBatchsFixedValuesReachTheEngineByTable() {
    Conditioning.FixedValues fixed = new Conditioning.FixedValues(Map.of("country", "NZ"));

    DatabaseBatch queued = stores.databaseBatches.add(new NewDatabaseBatch(model.id(), 1, Optional.empty(), Map.of(), Map.of("People", fixed), clock.instant()));
    jobs.queue(new JobKey.DatabaseGeneration(queued.id()));

    assertThat(engine.generations.get(0).conditions()).containsExactly(Map.entry("People", fixed));
    assertThat(stores.databaseBatches.findById(queued.id()).orElseThrow().status()).isEqualTo(BatchStatus.COMPLETED);
  }

  @Test
  void anEngineFailureFailsTheEvaluationWithItsReasonAndLeavesTheBatchCompleted() {
    engine.failure = Optional.of(new EngineException(EngineException.Kind.INVALID_INPUT, "synthetic table 'Salaries' lacks columns of the real table: year"));

    DatabaseBatch batch = generatedBatch();

    DatabaseEvaluation failed = stores.databaseEvaluations.find(batch.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(EvaluationStatus.FAILED);
    assertThat(failed.error()).contains("synthetic table 'Salaries' lacks columns of the real table: year");
    assertThat(failed.report()).isEmpty();
    assertThat(stores.databaseBatches.findById(batch.id()).orElseThrow().status()).isEqualTo(BatchStatus.COMPLETED);
  }

  @Test
  void evaluatesACompletedBatchAgainOnceTheLastEvaluationHasFinished() {
    DatabaseBatch batch = generatedBatch();
    runAtOnce = false;

    DatabaseEvaluation queued = service.evaluate(OWNER, batch.id());

    assertThat(queued.status()).isEqualTo(EvaluationStatus.PENDING);
    assertThat(stores.databaseEvaluations.find(batch.id()).orElseThrow().report()).isEmpty();
    assertThatThrownBy(() -> service.evaluate(OWNER, batch.id())).isInstanceOf(ConflictException.class).hasMessageContaining("is being evaluated (PENDING)");
    waiting.forEach(Runnable::run);
    assertThat(service.evaluation(OWNER, batch.id()).map(DatabaseEvaluation::status)).contains(EvaluationStatus.COMPLETED);
    assertThat(engine.evaluations).hasSize(2);
  }

  @Test
  void refusesABatchThatHasNotCompletedAndAnotherUsersBatch() {
    runAtOnce = false;
    DatabaseBatch pending = stores.databaseBatches.add(new NewDatabaseBatch(model.id(), 1, Optional.empty(), Map.of(), Map.of(), clock.instant()));
    jobs.queue(new JobKey.DatabaseGeneration(pending.id()));

    assertThatThrownBy(() -> service.evaluate(OWNER, pending.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessage("database batch " + pending.id().value() + " is PENDING; only a completed batch can be evaluated");
    assertThat(service.evaluation(OWNER, pending.id())).isEmpty();
    assertThatThrownBy(() -> service.evaluation(new UserId(2), pending.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.evaluate(new UserId(2), pending.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void recoveryRequestsAnInterruptedEvaluationAgainAndRunsIt() {
    DatabaseBatch batch = generatedBatch();
    stores.databaseEvaluations.save(DatabaseEvaluation.requested(batch.id(), clock.instant()));
    stores.databaseEvaluations.claim(batch.id(), clock.instant()).orElseThrow();

    jobs.recover();

    assertThat(stores.databaseEvaluations.find(batch.id()).map(DatabaseEvaluation::status)).contains(EvaluationStatus.COMPLETED);
    assertThat(engine.evaluations).hasSize(2);
  }

  private DatabaseModel trainedModel() {
    DatabaseModel pending = stores.databaseModels.add(new NewDatabaseModel(
        dataset.projectId(), new Algorithm("TabularARGN"), new TrainingSettings(Map.of()), Optional.empty(),
        List.of(new TrainedTable(dataset.id(), "People", List.of("id")), new TrainedTable(dataset.id(), "Salaries", List.of())),
        List.of(new TableLink("People", List.of("id"), "Salaries", List.of("id"), List.of("year"))), clock.instant()));
    DatabaseModel training = stores.databaseModels.claim(pending.id(), FileKeys.databaseModelFolder(dataset.projectId(), pending.id()), clock.instant()).orElseThrow();
    return stores.databaseModels.update(training.complete(List.of(new TableSummary("People", 1, 0.1), new TableSummary("Salaries", 1, 0.1)), clock.instant()));
  }

  private DatabaseBatch generatedBatch() {
    DatabaseBatch batch = stores.databaseBatches.add(new NewDatabaseBatch(model.id(), 1, Optional.empty(), Map.of(), Map.of(), clock.instant()));
    jobs.queue(new JobKey.DatabaseGeneration(batch.id()));
    return stores.databaseBatches.findById(batch.id()).orElseThrow();
  }

  private void work(Runnable job) {
    if (runAtOnce) {
      job.run();
    } else {
      waiting.add(job);
    }
  }

  /** The batches of the database model above belong to {@link #OWNER}; anyone else's are not found. */
  private final class OwnedBatches implements FindDatabaseBatchesUseCase {
    @Override
    public DatabaseBatch get(UserId owner, DatabaseBatchId batch) {
      return stores.databaseBatches.findById(batch).filter(b -> owner.equals(OWNER)).orElseThrow(() -> new NotFoundException("database batch", batch.value(), "id"));
    }

    @Override
    public List<DatabaseBatch> listByModel(UserId owner, DatabaseModelId model) {
      throw new UnsupportedOperationException();
    }
  }

  /** Generates one row per table (with {@code anomalyRows} in Salaries when asked for); evaluates by reading each synthetic file, or fails as told. */
  private static final class ScriptedEngine implements SynthesisEngine {
    final List<EngineRequests.DatabaseGeneration> generations = new ArrayList<>();
    final List<EngineRequests.DatabaseEvaluation> evaluations = new ArrayList<>();
    long anomalyRows;
    final List<String> readTables = new ArrayList<>();
    Optional<EngineException> failure = Optional.empty();

    @Override
    public List<TableRows> generateDatabase(EngineRequests.DatabaseGeneration request, ProgressListener listener, Cancellation cancellation) {
      generations.add(request);
      try {
        Files.createDirectories(request.output());
        Files.writeString(request.output().resolve("People.csv"), "id\np1\n");
        Files.writeString(request.output().resolve("Salaries.csv"), "id,year\np1,2001\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return List.of(new TableRows("People", 1, 0), new TableRows("Salaries", 1, request.anomalies().containsKey("Salaries") ? anomalyRows : 0));
    }

    @Override
    public String evaluateDatabase(EngineRequests.DatabaseEvaluation request, ProgressListener listener, Cancellation cancellation) {
      evaluations.add(request);
      if (failure.isPresent()) {
        throw failure.get();
      }
      try {
        for (Path table : request.synthetic().values()) {
          readTables.add(Files.readString(table));
        }
        Files.writeString(request.report(), REPORT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return REPORT;
    }

    @Override
    public AlgorithmCatalogue describe() {
      return new AlgorithmCatalogue(List.of());
    }

    @Override
    public TrainingSummary train(EngineRequests.Training request, ProgressListener listener, Cancellation cancellation) {
      throw new UnsupportedOperationException("these jobs train no single table");
    }

    @Override
    public EngineRequests.GeneratedFile generate(EngineRequests.Generation request, ProgressListener listener, Cancellation cancellation) {
      throw new UnsupportedOperationException("these jobs generate no single table");
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
      throw new UnsupportedOperationException("the model is trained already");
    }

    @Override
    public EvaluationReport evaluate(EngineRequests.Evaluation request, ProgressListener listener, Cancellation cancellation) {
      throw new UnsupportedOperationException("these jobs evaluate no single table");
    }
  }
}
