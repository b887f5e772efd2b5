package dev.doppel.application.service;

import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatabaseBatchStore;
import dev.doppel.application.port.out.DatabaseModelStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobQueue;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes a project, a dataset, a model or a database model with everything below it: first its
 * queued and running trainings, generations and evaluations are cancelled and their engine processes
 * stopped, then its rows go, then its files (tables, model folders, batches, failure logs). A
 * dataset takes with it the database models that learned it as one of their tables.
 */
public class CascadingDeletion {
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final ProjectStore projects;
  private final DatasetStore datasets;
  private final ModelStore models;
  private final BatchStore batches;
  private final DatabaseModelStore databaseModels;
  private final DatabaseBatchStore databaseBatches;
  private final FileStore files;
  private final JobQueue jobs;
  private final Clock clock;

  public CascadingDeletion(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, DatabaseModelStore databaseModels, DatabaseBatchStore databaseBatches,
      FileStore files, JobQueue jobs, Clock clock) {
    this.projects = projects;
    this.datasets = datasets;
    this.models = models;
    this.batches = batches;
    this.databaseModels = databaseModels;
    this.databaseBatches = databaseBatches;
    this.files = files;
    this.jobs = jobs;
    this.clock = clock;
  }

  void deleteProject(ProjectId project) {
    List<JobKey> jobKeys = stopJobsOf(models.listByProject(project));
    jobKeys.addAll(stopDatabaseJobsOf(databaseModels.listByProject(project)));
    projects.delete(project);
    settle(jobKeys);
    files.delete(ProjectFiles.folder(project));
  }

  void deleteDataset(Dataset dataset) {
    List<SynthesisModel> doomed = models.listByDataset(dataset.id());
    List<DatabaseModel> doomedDatabases =
        databaseModels.listByProject(dataset.projectId()).stream().filter(m -> m.tables().stream().anyMatch(t -> t.dataset().equals(dataset.id()))).toList();
    List<JobKey> jobKeys = stopJobsOf(doomed);
    jobKeys.addAll(stopDatabaseJobsOf(doomedDatabases));
    doomedDatabases.forEach(model -> databaseModels.delete(model.id()));
    datasets.delete(dataset.id());
    settle(jobKeys);
    files.delete(dataset.file().key());
    doomed.forEach(model -> files.delete(FileKeys.model(dataset, model.id())));
    doomedDatabases.forEach(model -> files.delete(FileKeys.databaseModel(model.projectId(), model.id())));
  }

  void deleteDatabaseModel(DatabaseModel model) {
    List<JobKey> jobKeys = stopDatabaseJobsOf(List.of(model));
    databaseModels.delete(model.id());
    settle(jobKeys);
    files.delete(FileKeys.databaseModel(model.projectId(), model.id()));
  }

  void deleteModel(Dataset dataset, ModelId model) {
    List<JobKey> jobKeys = stopJobsOf(models.findById(model).stream().toList());
    models.delete(model);
    settle(jobKeys);
    files.delete(FileKeys.model(dataset, model));
  }

  /**
   * Cancels the models' queued jobs in the store, so no worker can claim them any more, then asks
   * the running ones to stop and waits for them: a job is registered as running before it claims
   * its row, so none slips between the two steps.
   */
  private List<JobKey> stopJobsOf(List<SynthesisModel> doomed) {
    Instant now = clock.instant();
    List<JobKey> jobKeys = new ArrayList<>();
    for (SynthesisModel model : doomed) {
      models.cancelIfPending(model.id(), now);
      jobKeys.add(new JobKey.Training(model.id()));
      jobKeys.add(new JobKey.Evaluation(model.id()));
      for (SyntheticBatch batch : batches.listByModel(model.id())) {
        if (!batch.status().isFinished()) {
          batches.cancelIfPending(batch.id(), now);
          jobKeys.add(new JobKey.Generation(batch.id()));
        }
      }
    }
    settle(jobKeys);
    return jobKeys;
  }

  /** As {@link #stopJobsOf}, for database models: their trainings, their batches' generations and evaluations. */
  private List<JobKey> stopDatabaseJobsOf(List<DatabaseModel> doomed) {
    Instant now = clock.instant();
    List<JobKey> jobKeys = new ArrayList<>();
    for (DatabaseModel model : doomed) {
      databaseModels.cancelIfPending(model.id(), now);
      jobKeys.add(new JobKey.DatabaseTraining(model.id()));
      for (DatabaseBatch batch : databaseBatches.listByModel(model.id())) {
        if (!batch.status().isFinished()) {
          databaseBatches.cancelIfPending(batch.id(), now);
          jobKeys.add(new JobKey.DatabaseGeneration(batch.id()));
        }
        jobKeys.add(new JobKey.DatabaseEvaluation(batch.id()));
      }
    }
    settle(jobKeys);
    return jobKeys;
  }

  /**
   * Stops whichever of the jobs runs here and waits for them. Called again once the rows are gone:
   * an evaluation queued by a training that finished meanwhile reads no rows after that, and one
   * that read them just before is stopped here, before the files go.
   */
  private void settle(List<JobKey> jobKeys) {
    jobKeys.forEach(jobs::cancelRunning);
    jobKeys.forEach(key -> jobs.awaitStopped(key, STOP_WAIT));
  }
}
