package dev.doppel.domain.relational;

import dev.doppel.domain.job.JobLifecycle;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.TrainingSettings;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A synthesizer trained (or being trained) on a project's related tables, one model per table in a
 * model folder of its own. It keeps the tables and links it learned as they were at training time.
 * Its training is a job ({@link JobLifecycle}) with a model's words: PENDING → TRAINING → COMPLETED
 * | FAILED | CANCELLED, or PENDING → FAILED | CANCELLED.
 *
 * @param tables the datasets trained, parents first
 * @param summary per table, in training order; empty until it has completed
 */
public record DatabaseModel(
    DatabaseModelId id,
    ProjectId projectId,
    Algorithm algorithm,
    TrainingSettings settings,
    Optional<Long> seed,
    List<TrainedTable> tables,
    List<TableLink> links,
    ModelStatus status,
    Optional<DatabaseProgress> progress,
    Optional<String> modelFolderKey,
    List<TableSummary> summary,
    Optional<String> error,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  public DatabaseModel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(seed, "seed");
    tables = List.copyOf(tables);
    links = List.copyOf(links);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(modelFolderKey, "modelFolderKey");
    summary = List.copyOf(summary);
    Objects.requireNonNull(createdAt, "createdAt");
    if (status == ModelStatus.COMPLETED && modelFolderKey.isEmpty()) {
      throw new IllegalArgumentException("a completed database model needs its model folder");
    }
  }

  public static DatabaseModel pending(DatabaseModelId id, NewDatabaseModel model) {
    JobLifecycle<ModelStatus> queued = JobLifecycle.queued(subject(id), ModelStatus.class);
    return new DatabaseModel(
        id, model.projectId(), model.algorithm(), model.settings(), model.seed(), model.tables(), model.links(), queued.status(), Optional.empty(),
        Optional.empty(), List.of(), queued.error(), model.createdAt(), queued.startedAt(), queued.finishedAt());
  }

  /**
   * A database model as it was stored, in whatever state. Only the persistence mappers restore
   * them; every other change of state goes through the transitions below.
   */
  public static DatabaseModel restore(
      DatabaseModelId id, ProjectId projectId, Algorithm algorithm, TrainingSettings settings, Optional<Long> seed, List<TrainedTable> tables,
      List<TableLink> links, ModelStatus status, Optional<DatabaseProgress> progress, Optional<String> modelFolderKey, List<TableSummary> summary,
      Optional<String> error, Instant createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt) {
    return new DatabaseModel(
        id, projectId, algorithm, settings, seed, tables, links, status, progress, modelFolderKey, summary, error, createdAt, startedAt, finishedAt);
  }

  /** The training's lifecycle: status, error and times. */
  public JobLifecycle<ModelStatus> lifecycle() {
    return new JobLifecycle<>(subject(id), status, error, startedAt, finishedAt);
  }

  public DatabaseModel start(String modelFolderKey, Instant now) {
    return with(lifecycle().start(now), progress, Optional.of(modelFolderKey), summary);
  }

  public DatabaseModel progressed(DatabaseProgress latest) {
    return with(lifecycle().progressed(), Optional.of(latest), modelFolderKey, summary);
  }

  public DatabaseModel complete(List<TableSummary> result, Instant now) {
    return with(lifecycle().complete(now), progress, modelFolderKey, result);
  }

  public DatabaseModel fail(String reason, Instant now) {
    return with(lifecycle().fail(reason, "training failed", now), progress, modelFolderKey, summary);
  }

  public DatabaseModel cancel(Instant now) {
    return with(lifecycle().cancel(now), progress, modelFolderKey, summary);
  }

  /** Whether some link orders its child's rows: the algorithm must learn sequences. */
  public boolean hasSequences() {
    return links.stream().anyMatch(link -> !link.orderBy().isEmpty());
  }

  /** Whether {@code table} is a child of some link: its rows follow its parents' rows. */
  public boolean hasParent(String table) {
    return links.stream().anyMatch(link -> link.childTable().equals(table));
  }

  private DatabaseModel with(JobLifecycle<ModelStatus> job, Optional<DatabaseProgress> progress, Optional<String> modelFolderKey, List<TableSummary> summary) {
    return new DatabaseModel(
        id, projectId, algorithm, settings, seed, tables, links, job.status(), progress, modelFolderKey, summary, job.error(), createdAt, job.startedAt(),
        job.finishedAt());
  }

  private static String subject(DatabaseModelId id) {
    return "database model " + id.value();
  }
}
