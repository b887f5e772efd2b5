package dev.doppel.application.service;

import dev.doppel.application.port.in.CancelDatabaseModelUseCase;
import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.DeleteDatabaseModelUseCase;
import dev.doppel.application.port.in.FindDatabaseBatchesUseCase;
import dev.doppel.application.port.in.FindDatabaseModelsUseCase;
import dev.doppel.application.port.in.FindSchemaUseCase;
import dev.doppel.application.port.in.GenerateDatabaseCommand;
import dev.doppel.application.port.in.GenerateDatabaseUseCase;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.ListAlgorithmsQuery;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.in.TrainDatabaseCommand;
import dev.doppel.application.port.in.TrainDatabaseUseCase;
import dev.doppel.application.port.out.DatabaseBatchStore;
import dev.doppel.application.port.out.DatabaseModelStore;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobQueue;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.relational.NewDatabaseBatch;
import dev.doppel.domain.relational.NewDatabaseModel;
import dev.doppel.domain.relational.TableLink;
import dev.doppel.domain.relational.TrainedTable;
import dev.doppel.domain.schema.DatabaseSchema;
import dev.doppel.domain.schema.Relationship;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.AlgorithmDescriptor;
import dev.doppel.domain.synthesis.InvalidSettingsException;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.RelationalSupport;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Trains models of a project's related tables and generates synthetic databases from them. */
public class DatabaseModelService
    implements TrainDatabaseUseCase, FindDatabaseModelsUseCase, CancelDatabaseModelUseCase, DeleteDatabaseModelUseCase, GenerateDatabaseUseCase,
        FindDatabaseBatchesUseCase {
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(5);

  private final ProjectStore projects;
  private final FindSchemaUseCase schemas;
  private final DatabaseModelStore models;
  private final DatabaseBatchStore batches;
  private final ListAlgorithmsQuery catalogue;
  private final JobQueue jobs;
  private final Quotas quotas;
  private final CascadingDeletion deletion;
  private final Clock clock;

  public DatabaseModelService(
      ProjectStore projects, FindSchemaUseCase schemas, DatabaseModelStore models, DatabaseBatchStore batches, ListAlgorithmsQuery catalogue, JobQueue jobs,
      Quotas quotas, CascadingDeletion deletion, Clock clock) {
    this.projects = projects;
    this.schemas = schemas;
    this.models = models;
    this.batches = batches;
    this.catalogue = catalogue;
    this.jobs = jobs;
    this.quotas = quotas;
    this.deletion = deletion;
    this.clock = clock;
  }

  @Override
  public DatabaseModel train(TrainDatabaseCommand command) {
    FindSchemaUseCase.ProjectSchema current = schemas.schema(command.owner(), command.project());
    DatabaseSchema schema = current.schema();
    if (schema.relationships().isEmpty()) {
      throw new InvalidInputException(
          "projectId", "project " + command.project().value() + " declares no relationship between its datasets; declare one in its schema first");
    }
    Set<DatasetId> linked = new HashSet<>();
    schema.relationships().forEach(r -> {
      linked.add(r.parent().dataset());
      linked.add(r.child().dataset());
    });
    List<Dataset> trained = current.tables().stream().filter(d -> linked.contains(d.id())).toList();
    Map<DatasetId, String> names = tableNames(trained);
    List<TrainedTable> tables =
        trained.stream().map(d -> new TrainedTable(d.id(), names.get(d.id()), schema.primaryKeyOf(d.id()).orElse(List.of()))).toList();
    List<TableLink> links =
        schema.relationships().stream()
            .map(r -> new TableLink(names.get(r.parent().dataset()), r.parent().columns(), names.get(r.child().dataset()), r.child().columns(), r.orderBy()))
            .toList();
    AlgorithmDescriptor descriptor =
        algorithm(
            command.algorithm(), new RelationalSupport(
                true, schema.relationships().stream().anyMatch(Relationship::sequential),
                schema.relationships().stream().anyMatch(r -> r.parent().columns().size() > 1)));
    TrainingSettings settings;
    try {
      settings = descriptor.resolve(command.settings());
    } catch (InvalidSettingsException e) {
      throw new InvalidInputException("settings." + e.setting(), e.getMessage());
    }
    quotas.requireJobSlot(command.owner());
    DatabaseModel model =
        models.add(new NewDatabaseModel(command.project(), new Algorithm(command.algorithm()), settings, command.seed(), tables, links, clock.instant()));
    jobs.queue(new JobKey.DatabaseTraining(model.id()));
    return model;
  }

  /** The catalogue's algorithm, refused naming {@code algorithm} when it cannot learn what the schema holds. */
  private AlgorithmDescriptor algorithm(String name, RelationalSupport needed) {
    AlgorithmDescriptor descriptor =
        catalogue
            .catalogue()
            .find(name)
            .orElseThrow(() -> new InvalidInputException("algorithm", "unknown algorithm '" + name + "'; this engine offers " + String.join(", ", catalogue.catalogue().names())));
    List<String> lacking = lacking(descriptor.relational(), needed);
    if (!lacking.isEmpty()) {
      List<String> able = catalogue.catalogue().algorithms().stream().filter(a -> lacking(a.relational(), needed).isEmpty()).map(a -> a.algorithm().name()).toList();
      throw new InvalidInputException(
          "algorithm",
          name + " cannot learn " + String.join(" or ", lacking) + (able.isEmpty() ? "; no algorithm of this engine can" : "; use " + String.join(" or ", able)));
    }
    return descriptor;
  }

  /** What the schema needs that the algorithm cannot learn, in words. */
  private static List<String> lacking(RelationalSupport offered, RelationalSupport needed) {
    List<String> lacking = new ArrayList<>();
    if (!offered.linkedTables()) {
      lacking.add("related tables");
    }
    if (needed.sequences() && !offered.sequences()) {
      lacking.add("ordered sequences of child rows (orderBy), which this schema holds");
    }
    if (needed.compositeKeys() && !offered.compositeKeys()) {
      lacking.add("keys of several columns, which this schema holds");
    }
    return lacking;
  }

  /**
   * Each table is named as its dataset, without the file's extension (People.csv is the table
   * People, its batch file People.csv) unless that would give two tables one name.
   */
  private static Map<DatasetId, String> tableNames(List<Dataset> datasets) {
    Map<DatasetId, String> names = new LinkedHashMap<>();
    datasets.forEach(d -> names.put(d.id(), d.name().value().replaceFirst("(?i)\\.(csv|tsv|txt|parquet)$", "")));
    if (new HashSet<>(names.values()).size() < names.size()) {
      datasets.forEach(d -> names.put(d.id(), d.name().value()));
    }
    return names;
  }

  @Override
  public DatabaseModel get(UserId owner, DatabaseModelId id) {
    owned(owner, id);
    return jobs.current(id).orElseThrow(() -> new NotFoundException("database model", id.value(), "id"));
  }

  @Override
  public List<DatabaseModel> listByProject(UserId owner, ProjectId project) {
    projects.findOwned(project, owner).orElseThrow(() -> new NotFoundException("project", project.value(), "projectId"));
    return models.listByProject(project).stream().map(m -> jobs.current(m.id()).orElse(m)).toList();
  }

  @Override
  public DatabaseModel cancel(UserId owner, DatabaseModelId id) {
    DatabaseModel model = owned(owner, id);
    if (model.status().isFinished()) {
      throw new ConflictException(
          "status", "database model " + id.value() + " has already finished (" + model.status() + "); only queued or training models can be cancelled");
    }
    JobKey training = new JobKey.DatabaseTraining(id);
    if (models.cancelIfPending(id, clock.instant()).isEmpty() && jobs.cancelRunning(training)) {
      jobs.awaitStopped(training, CANCEL_WAIT);
    }
    return get(owner, id);
  }

  @Override
  public void delete(UserId owner, DatabaseModelId id) {
    deletion.deleteDatabaseModel(owned(owner, id));
  }

  @Override
  public DatabaseBatch generate(GenerateDatabaseCommand command) {
    DatabaseModel model = owned(command.owner(), command.model());
    if (model.status() != ModelStatus.COMPLETED) {
      throw new ConflictException(
          "status", "database model " + model.id().value() + " is " + model.status() + "; only a completed model can generate a database");
    }
    requireTables(model, "anomalies", command.anomalies().keySet());
    requireTables(model, "conditions", command.conditions().keySet());
    command.conditions().keySet().stream().filter(model::hasParent).findFirst().ifPresent(table -> {
      throw new InvalidInputException(
          "conditions." + table, "conditions name table '" + table + "', which has a parent; only tables without a parent take fixed values, and its"
              + " rows follow its parents'");
    });
    quotas.requireJobSlot(command.owner());
    DatabaseBatch batch =
        batches.add(new NewDatabaseBatch(model.id(), command.scale(), command.seed(), command.anomalies(), command.conditions(), clock.instant()));
    jobs.queue(new JobKey.DatabaseGeneration(batch.id()));
    return batch;
  }

  /** Anomalies and conditions may be asked only for tables the model learned; each other name is refused as {@code <field>.<name>}. */
  private static void requireTables(DatabaseModel model, String field, Set<String> tables) {
    List<String> learned = model.tables().stream().map(TrainedTable::name).toList();
    tables.stream().filter(table -> !learned.contains(table)).findFirst().ifPresent(table -> {
      throw new InvalidInputException(
          field + "." + table, field + " name table '" + table + "', which database model " + model.id().value() + " does not have; its tables: "
              + String.join(", ", learned));
    });
  }

  @Override
  public DatabaseBatch get(UserId owner, DatabaseBatchId id) {
    return ownedBatch(owner, id);
  }

  @Override
  public List<DatabaseBatch> listByModel(UserId owner, DatabaseModelId model) {
    owned(owner, model);
    return batches.listByModel(model);
  }

  private DatabaseModel owned(UserId owner, DatabaseModelId id) {
    return models.findById(id)
        .filter(m -> projects.findOwned(m.projectId(), owner).isPresent())
        .orElseThrow(() -> new NotFoundException("database model", id.value(), "id"));
  }

  private DatabaseBatch ownedBatch(UserId owner, DatabaseBatchId id) {
    DatabaseBatch batch = batches.findById(id).orElseThrow(() -> new NotFoundException("database batch", id.value(), "id"));
    try {
      owned(owner, batch.modelId());
    } catch (NotFoundException e) {
      throw new NotFoundException("database batch", id.value(), "id");
    }
    return batch;
  }
}
