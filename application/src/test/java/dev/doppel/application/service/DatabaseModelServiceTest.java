package dev.doppel.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.in.CreateProjectCommand;
import dev.doppel.application.port.in.FindSchemaUseCase;
import dev.doppel.application.port.in.GenerateBatchCommand;
import dev.doppel.application.port.in.GenerateDatabaseCommand;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.TrainDatabaseCommand;
import dev.doppel.application.port.in.UploadDatasetCommand;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobQueue;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.relational.TableLink;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TrainedTable;
import dev.doppel.domain.schema.DatabaseSchema;
import dev.doppel.domain.schema.KeyColumns;
import dev.doppel.domain.schema.Relationship;
import dev.doppel.domain.schema.RelationshipId;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.AlgorithmDescriptor;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.RelationalSupport;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which tables and links a database model learns, and which algorithms may learn them. */
class DatabaseModelServiceTest {
  private final InMemoryPorts ports = new InMemoryPorts();
  private final JobStores stores = new JobStores();
  private final Clock clock = Clock.systemUTC();
  private final UserId owner = new UserId(1);
  private final List<JobKey> queued = new ArrayList<>();
  private final List<JobKey> stopped = new ArrayList<>();
  private final List<Relationship> relationships = new ArrayList<>();
  private final Project project;
  private final Dataset people;
  private final Dataset salaries;
  private final Dataset unlinked;
  private final DatabaseModelService service;
  private final ProjectService projects;
  private final DatasetService datasets;

  DatabaseModelServiceTest() {
    JobQueue queue = new RecordingQueue();
    CascadingDeletion deletion = new CascadingDeletion(
        ports.projectStore, ports.datasetStore, ports.modelStore, ports.batchStore, stores.databaseModels, stores.databaseBatches, ports.fileStore, queue, clock);
    projects = new ProjectService(ports.projectStore, deletion, clock);
    project = projects.create(CreateProjectCommand.of(owner, "Baseball", ""));
    datasets =
        new DatasetService(
            ports.projectStore, ports.datasetStore, ports.fileStore, ports.tableReader, clock, new UploadLimits(1_000, 3, 50, ProfilingLimits.DEFAULT),
            new Quotas(ports.usage, new QuotaSettings(10, 100_000)), deletion);
    unlinked = upload(datasets, "Notes.csv", "note\nhello\n");
    salaries = upload(datasets, "Salaries.csv", "playerID,yearID\na,1\n");
    people = upload(datasets, "People.csv", "playerID\na\n");
    FindSchemaUseCase schemas = new FindSchemaUseCase() {
      @Override
      public ProjectSchema schema(UserId caller, ProjectId id) {
        return new ProjectSchema(List.of(unlinked, people, salaries), new DatabaseSchema(relationships));
      }

      @Override
      public List<ProposedRelationship> propose(UserId caller, ProjectId id) {
        return List.of();
      }
    };
    AlgorithmCatalogue catalogue = new AlgorithmCatalogue(List.of(
        algorithm("Flat", RelationalSupport.NONE), algorithm("Linked", new RelationalSupport(true, false, true)),
        algorithm("Sequential", new RelationalSupport(true, true, true))));
    service = new DatabaseModelService(
        ports.projectStore, schemas, stores.databaseModels, stores.databaseBatches, () -> catalogue, queue, new Quotas(ports.usage, new QuotaSettings(10, 100_000)),
        deletion, clock);
  }

  private Dataset upload(DatasetService datasets, String name, String csv) {
    return datasets.upload(UploadDatasetCommand.of(owner, project.id(), null, name, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Map.of()));
  }

  private static AlgorithmDescriptor algorithm(String name, RelationalSupport relational) {
    return new AlgorithmDescriptor(new Algorithm(name), "test", Optional.empty(), "MIT", "", false, List.of(), List.of(), List.of(), List.of(), relational, true);
  }

  private void declareSequence() {
    relationships.add(new Relationship(
        new RelationshipId(1), project.id(), new KeyColumns(people.id(), List.of("playerID")), new KeyColumns(salaries.id(), List.of("playerID")), List.of("yearID"),
        clock.instant()));
  }

  @Test
  void refusesAProjectWithoutRelationshipsNamingProjectId() {
    assertThatThrownBy(() -> service.train(new TrainDatabaseCommand(owner, project.id(), "Sequential", Map.of(), Optional.empty())))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("projectId"));
    assertThat(queued).isEmpty();
  }

  @Test
  void refusesAnAlgorithmThatCannotLearnTheSchemasSequenceNamingOneThatCan() {
    declareSequence();

    assertThatThrownBy(() -> service.train(new TrainDatabaseCommand(owner, project.id(), "Linked", Map.of(), Optional.empty())))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("algorithm");
          assertThat(e.getMessage()).contains("Linked cannot learn ordered sequences", "use Sequential");
        });
    assertThatThrownBy(() -> service.train(new TrainDatabaseCommand(owner, project.id(), "Flat", Map.of(), Optional.empty())))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("Flat cannot learn related tables"));
    assertThat(queued).isEmpty();
  }

  @Test
  void learnsTheLinkedTablesParentsFirstNamedWithoutTheirExtensionAndQueuesTheTraining() {
    declareSequence();

    DatabaseModel model = service.train(new TrainDatabaseCommand(owner, project.id(), "Sequential", Map.of(), Optional.of(3L)));

    assertThat(model.tables()).containsExactly(
        new TrainedTable(people.id(), "People", List.of("playerID")), new TrainedTable(salaries.id(), "Salaries", List.of()));
    assertThat(model.links()).containsExactly(new TableLink("People", List.of("playerID"), "Salaries", List.of("playerID"), List.of("yearID")));
    assertThat(queued).containsExactly(new JobKey.DatabaseTraining(model.id()));
  }

  @Test
  void deletingAModelStopsItsTrainingAndTheEvaluationOfEachOfItsBatches() {
    declareSequence();
    DatabaseModel pending = service.train(new TrainDatabaseCommand(owner, project.id(), "Sequential", Map.of(), Optional.empty()));
    DatabaseModel training = stores.databaseModels.claim(pending.id(), "databases/1/model-folder", clock.instant()).orElseThrow();
    DatabaseModel model = stores.databaseModels.update(training.complete(List.of(), clock.instant()));
    DatabaseBatch batch = service.generate(new GenerateDatabaseCommand(owner, model.id(), 1, Optional.empty(), Map.of(), Map.of()));
    DatabaseBatch generating = stores.databaseBatches.claim(batch.id(), clock.instant()).orElseThrow();
    stores.databaseBatches.update(generating.complete("databases/1/batches/1", List.of(new TableRows("People", 1, 0)), clock.instant()));

    service.delete(owner, model.id());

    assertThat(stopped).containsOnly(new JobKey.DatabaseTraining(model.id()), new JobKey.DatabaseEvaluation(batch.id()));
    assertThat(stores.databaseModels.findById(model.id())).isEmpty();
  }

  @Test
  void queuesABatchWithTheAnomaliesAskedForEachTable() {
    DatabaseModel model = trainedModel();
    AnomalySpec salaryAnomalies = GenerateBatchCommand.anomalies("anomalies.Salaries", true, 0.1, null, "why", List.of("out_of_range")).orElseThrow();

    DatabaseBatch batch = service.generate(new GenerateDatabaseCommand(owner, model.id(), 1, Optional.empty(), Map.of("Salaries", salaryAnomalies), Map.of()));

    assertThat(batch.anomalies()).containsExactly(Map.entry("Salaries", new AnomalySpec(0.1, Optional.of("is_anomaly"), Optional.of("why"), List.of("out_of_range"))));
    assertThat(stores.databaseBatches.findById(batch.id()).orElseThrow().anomalies("Salaries")).contains(salaryAnomalies);
    assertThat(queued).contains(new JobKey.DatabaseGeneration(batch.id()));
  }

  @Test
  void refusesAnomaliesForATableTheModelDoesNotHaveNamingItAndListingTheModelsTables() {
    DatabaseModel model = trainedModel();
    AnomalySpec spec = new AnomalySpec(0.1, Optional.of("is_anomaly"), Optional.empty(), List.of());

    assertThatThrownBy(() -> service.generate(new GenerateDatabaseCommand(owner, model.id(), 1, Optional.empty(), Map.of("Notes", spec), Map.of())))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("anomalies.Notes");
          assertThat(e.getMessage()).contains("'Notes'", "its tables: People, Salaries");
        });
    assertThat(stores.databaseBatches.listByModel(model.id())).isEmpty();
  }

  @Test
  void queuesABatchWithTheFixedValuesAskedForATableWithoutAParent() {
    DatabaseModel model = trainedModel();
    Map<String, Map<String, Object>> requested = Map.of("People", Map.of("bats", "L"));

    DatabaseBatch batch =
        service.generate(new GenerateDatabaseCommand(owner, model.id(), 1, Optional.empty(), Map.of(), GenerateDatabaseCommand.conditions(requested)));

    assertThat(batch.conditions()).containsExactly(Map.entry("People", new Conditioning.FixedValues(Map.of("bats", "L"))));
    assertThat(stores.databaseBatches.findById(batch.id()).orElseThrow().conditions()).isEqualTo(batch.conditions());
    assertThat(queued).contains(new JobKey.DatabaseGeneration(batch.id()));
  }

  @Test
  void refusesFixedValuesForAChildTableOrOneTheModelDoesNotHaveNamingIt() {
    DatabaseModel model = trainedModel();
    Map<String, Conditioning.FixedValues> child = Map.of("Salaries", new Conditioning.FixedValues(Map.of("yearID", "2001")));
    Map<String, Conditioning.FixedValues> unknown = Map.of("Notes", new Conditioning.FixedValues(Map.of("text", "x")));

    assertThatThrownBy(() -> service.generate(new GenerateDatabaseCommand(owner, model.id(), 1, Optional.empty(), Map.of(), child)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("conditions.Salaries");
          assertThat(e.getMessage()).contains("'Salaries'", "has a parent", "only tables without a parent take fixed values");
        });
    assertThatThrownBy(() -> service.generate(new GenerateDatabaseCommand(owner, model.id(), 1, Optional.empty(), Map.of(), unknown)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("conditions.Notes");
          assertThat(e.getMessage()).contains("'Notes'", "its tables: People, Salaries");
        });
    assertThat(stores.databaseBatches.listByModel(model.id())).isEmpty();
  }

  @Test
  void refusesATablesFixedValuesThatAreNotOneValuePerColumnNamingTheTable() {
    Map<String, Object> listed = Map.of("bats", List.of("L", "R"));
    Map<String, Map<String, Object>> missing = new HashMap<>();
    missing.put("People", null);

    assertThatThrownBy(() -> GenerateDatabaseCommand.conditions(Map.of("People", listed)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("conditions.People");
          assertThat(e.getMessage()).isEqualTo("conditions.People.bats must be one value (a string, number or boolean)");
        });
    assertThatThrownBy(() -> GenerateDatabaseCommand.conditions(Map.of("People", Map.of())))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("conditions.People"));
    assertThatThrownBy(() -> GenerateDatabaseCommand.conditions(missing))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).isEqualTo("conditions.People must be an object of column -> value"));
    assertThat(GenerateDatabaseCommand.conditions(null)).isEmpty();
  }

  @Test
  void refusesATablesAnomalySpecNamingThePartAtFault() {
    assertThatThrownBy(() -> GenerateBatchCommand.anomalies("anomalies.Salaries", true, 0.9, null, null, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("anomalies.Salaries.ratio");
          assertThat(e.getMessage()).isEqualTo("anomalies.Salaries: ratio must be greater than 0 and at most 0.5");
        });
    assertThatThrownBy(() -> GenerateBatchCommand.anomalies("anomalies.Salaries", true, 0.1, null, null, List.of("odd")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("anomalies.Salaries.kinds"));
    assertThatThrownBy(() -> GenerateBatchCommand.anomalies("anomalies.Salaries", true, 0.1, "1st", null, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("anomalies.Salaries.labelColumn"));
    assertThatThrownBy(() -> GenerateBatchCommand.anomalies("anomalies.Salaries", true, null, null, null, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("anomalies.Salaries.ratio"));
    assertThat(GenerateBatchCommand.anomalies("anomalies.Salaries", false, 0.9, null, null, null)).isEmpty();
    assertThatThrownBy(() -> GenerateBatchCommand.anomalies(true, 0.9, null, null, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("anomalies"));
  }

  private DatabaseModel trainedModel() {
    declareSequence();
    DatabaseModel pending = service.train(new TrainDatabaseCommand(owner, project.id(), "Sequential", Map.of(), Optional.empty()));
    DatabaseModel training = stores.databaseModels.claim(pending.id(), "databases/1/model-folder", clock.instant()).orElseThrow();
    return stores.databaseModels.update(training.complete(List.of(), clock.instant()));
  }

  @Test
  void deletingADatasetDeletesTheDatabaseModelsThatLearnedItAndStopsTheirJobs() {
    declareSequence();
    DatabaseModel model = service.train(new TrainDatabaseCommand(owner, project.id(), "Sequential", Map.of(), Optional.empty()));

    datasets.delete(owner, salaries.id());

    assertThat(stores.databaseModels.findById(model.id())).isEmpty();
    assertThat(stopped).contains(new JobKey.DatabaseTraining(model.id()));
  }

  @Test
  void deletingADatasetNoDatabaseModelLearnedLeavesThemAlone() {
    declareSequence();
    DatabaseModel model = service.train(new TrainDatabaseCommand(owner, project.id(), "Sequential", Map.of(), Optional.empty()));

    datasets.delete(owner, unlinked.id());

    assertThat(stores.databaseModels.findById(model.id())).isPresent();
    assertThat(stopped).isEmpty();
  }

  @Test
  void deletingTheProjectStopsTheJobsOfItsDatabaseModels() {
    declareSequence();
    DatabaseModel model = service.train(new TrainDatabaseCommand(owner, project.id(), "Sequential", Map.of(), Optional.empty()));

    projects.delete(owner, project.id());

    assertThat(stopped).contains(new JobKey.DatabaseTraining(model.id()));
  }

  /** Records what is queued; nothing runs. */
  private final class RecordingQueue implements JobQueue {
    @Override
    public void queue(JobKey job) {
      queued.add(job);
    }

    @Override
    public Optional<SynthesisModel> current(ModelId model) {
      return stores.models.findById(model);
    }

    @Override
    public Optional<SyntheticBatch> current(BatchId batch) {
      return stores.batches.findById(batch);
    }

    @Override
    public Optional<DatabaseModel> current(DatabaseModelId model) {
      return stores.databaseModels.findById(model);
    }

    @Override
    public boolean cancelRunning(JobKey job) {
      stopped.add(job);
      return false;
    }

    @Override
    public void awaitStopped(JobKey job, Duration limit) {}
  }
}
