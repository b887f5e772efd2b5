package dev.doppel.application.service;

import dev.doppel.application.port.in.CreateProjectCommand;
import dev.doppel.application.port.in.UploadDatasetCommand;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatabaseBatchStore;
import dev.doppel.application.port.out.DatabaseEvaluationStore;
import dev.doppel.application.port.out.DatabaseModelStore;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.JobQueue;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.NewBatch;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseEvaluation;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.relational.NewDatabaseBatch;
import dev.doppel.domain.relational.NewDatabaseModel;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Models, batches, evaluations, database models, database batches and their evaluations kept in memory, claimed and cancelled through the domain's transitions as the real stores do. */
final class JobStores {
  final Map<ModelId, SynthesisModel> modelRows = new ConcurrentHashMap<>();
  final Map<BatchId, SyntheticBatch> batchRows = new ConcurrentHashMap<>();
  final Map<ModelId, Evaluation> evaluationRows = new ConcurrentHashMap<>();
  /** Every model written by update, in order. */
  final List<SynthesisModel> modelUpdates = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicInteger refusals = new AtomicInteger();

  /** Makes the next model updates fail, like a database that is briefly away. */
  void refuseNextModelUpdates(int count) {
    refusals.set(count);
  }

  /** Uploads a one-column table into a new project, for jobs to train on. */
  Dataset uploadDataset(InMemoryPorts ports, JobQueue jobs, Clock clock) {
    CascadingDeletion deletion = new CascadingDeletion(ports.projectStore, ports.datasetStore, models, batches, databaseModels, databaseBatches, ports.fileStore, jobs, clock);
    Project project = new ProjectService(ports.projectStore, deletion, clock).create(CreateProjectCommand.of(new UserId(1), "Jobs", ""));
    DatasetService datasets =
        new DatasetService(
            ports.projectStore, ports.datasetStore, ports.fileStore, ports.tableReader, clock, new UploadLimits(1_000, 3, 50, ProfilingLimits.DEFAULT),
            new Quotas(ports.usage, new QuotaSettings(10, 1_000)), deletion);
    return datasets.upload(UploadDatasetCommand.of(new UserId(1), project.id(), null, "t.csv", new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)), Map.of()));
  }

  final ModelStore models =
      new ModelStore() {
        @Override
        public SynthesisModel add(NewModel model) {
          SynthesisModel stored = SynthesisModel.pending(new ModelId(ids.incrementAndGet()), model);
          modelRows.put(stored.id(), stored);
          return stored;
        }

        @Override
        public Optional<SynthesisModel> findById(ModelId id) {
          return Optional.ofNullable(modelRows.get(id));
        }

        @Override
        public List<SynthesisModel> listByDataset(DatasetId dataset) {
          return modelRows.values().stream().filter(m -> m.datasetId().equals(dataset)).toList();
        }

        @Override
        public List<SynthesisModel> listByProject(ProjectId project) {
          throw new UnsupportedOperationException();
        }

        @Override
        public List<SynthesisModel> listByStatus(ModelStatus status) {
          return modelRows.values().stream().filter(m -> m.status() == status).toList();
        }

        @Override
        public synchronized SynthesisModel update(SynthesisModel model) {
          if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("the database is not answering");
          }
          modelUpdates.add(model);
          modelRows.put(model.id(), model);
          return model;
        }

        @Override
        public synchronized Optional<SynthesisModel> claim(ModelId id, String modelFolderKey, Instant now) {
          return findById(id).filter(m -> m.status() == ModelStatus.PENDING).map(m -> put(m.start(modelFolderKey, now)));
        }

        @Override
        public synchronized Optional<SynthesisModel> cancelIfPending(ModelId id, Instant now) {
          return findById(id).filter(m -> m.status() == ModelStatus.PENDING).map(m -> put(m.cancel(now)));
        }

        private SynthesisModel put(SynthesisModel model) {
          modelRows.put(model.id(), model);
          return model;
        }

        @Override
        public int queuePosition(ModelId id) {
          return 0;
        }

        @Override
        public void delete(ModelId id) {
          modelRows.remove(id);
        }
      };

  final BatchStore batches =
      new BatchStore() {
        @Override
        public SyntheticBatch add(NewBatch batch) {
          SyntheticBatch stored = SyntheticBatch.pending(new BatchId(ids.incrementAndGet()), batch);
          batchRows.put(stored.id(), stored);
          return stored;
        }

        @Override
        public Optional<SyntheticBatch> findById(BatchId id) {
          return Optional.ofNullable(batchRows.get(id));
        }

        @Override
        public List<SyntheticBatch> listByModel(ModelId model) {
          return batchRows.values().stream().filter(b -> b.modelId().equals(model)).toList();
        }

        @Override
        public List<SyntheticBatch> listByStatus(BatchStatus status) {
          return batchRows.values().stream().filter(b -> b.status() == status).toList();
        }

        @Override
        public SyntheticBatch update(SyntheticBatch batch) {
          batchRows.put(batch.id(), batch);
          return batch;
        }

        @Override
        public synchronized Optional<SyntheticBatch> claim(BatchId id, Instant now) {
          return findById(id).filter(b -> b.status() == BatchStatus.PENDING).map(b -> update(b.start(now)));
        }

        @Override
        public synchronized Optional<SyntheticBatch> cancelIfPending(BatchId id, Instant now) {
          return findById(id).filter(b -> b.status() == BatchStatus.PENDING).map(b -> update(b.cancel(now)));
        }

        @Override
        public void delete(BatchId id) {
          batchRows.remove(id);
        }
      };

  final EvaluationStore evaluations =
      new EvaluationStore() {
        @Override
        public Evaluation save(Evaluation evaluation) {
          evaluationRows.put(evaluation.modelId(), evaluation);
          return evaluation;
        }

        @Override
        public Optional<Evaluation> find(ModelId model) {
          return Optional.ofNullable(evaluationRows.get(model));
        }

        @Override
        public List<Evaluation> listByStatus(EvaluationStatus status) {
          return evaluationRows.values().stream().filter(e -> e.status() == status).toList();
        }

        @Override
        public synchronized Optional<Evaluation> claim(ModelId model, Instant now) {
          return find(model).filter(e -> e.status() == EvaluationStatus.PENDING).map(e -> save(e.start(now)));
        }
      };

  final DatabaseModelStore databaseModels =
      new DatabaseModelStore() {
        private final Map<DatabaseModelId, DatabaseModel> rows = new ConcurrentHashMap<>();

        @Override
        public DatabaseModel add(NewDatabaseModel model) {
          DatabaseModel pending = DatabaseModel.pending(new DatabaseModelId(ids.incrementAndGet()), model);
          rows.put(pending.id(), pending);
          return pending;
        }

        @Override
        public Optional<DatabaseModel> findById(DatabaseModelId id) {
          return Optional.ofNullable(rows.get(id));
        }

        @Override
        public List<DatabaseModel> listByProject(ProjectId project) {
          return rows.values().stream().filter(m -> m.projectId().equals(project)).toList();
        }

        @Override
        public List<DatabaseModel> listByStatus(ModelStatus status) {
          return rows.values().stream().filter(m -> m.status() == status).toList();
        }

        @Override
        public DatabaseModel update(DatabaseModel model) {
          rows.put(model.id(), model);
          return model;
        }

        @Override
        public synchronized Optional<DatabaseModel> claim(DatabaseModelId id, String modelFolderKey, Instant now) {
          return findById(id).filter(m -> m.status() == ModelStatus.PENDING).map(m -> update(m.start(modelFolderKey, now)));
        }

        @Override
        public synchronized Optional<DatabaseModel> cancelIfPending(DatabaseModelId id, Instant now) {
          return findById(id).filter(m -> m.status() == ModelStatus.PENDING).map(m -> update(m.cancel(now)));
        }

        @Override
        public void delete(DatabaseModelId id) {
          rows.remove(id);
        }
      };

  final DatabaseBatchStore databaseBatches =
      new DatabaseBatchStore() {
        private final Map<DatabaseBatchId, DatabaseBatch> rows = new ConcurrentHashMap<>();

        @Override
        public DatabaseBatch add(NewDatabaseBatch batch) {
          DatabaseBatch pending = DatabaseBatch.pending(new DatabaseBatchId(ids.incrementAndGet()), batch);
          rows.put(pending.id(), pending);
          return pending;
        }

        @Override
        public Optional<DatabaseBatch> findById(DatabaseBatchId id) {
          return Optional.ofNullable(rows.get(id));
        }

        @Override
        public List<DatabaseBatch> listByModel(DatabaseModelId model) {
          return rows.values().stream().filter(b -> b.modelId().equals(model)).toList();
        }

        @Override
        public List<DatabaseBatch> listByStatus(BatchStatus status) {
          return rows.values().stream().filter(b -> b.status() == status).toList();
        }

        @Override
        public DatabaseBatch update(DatabaseBatch batch) {
          rows.put(batch.id(), batch);
          return batch;
        }

        @Override
        public synchronized Optional<DatabaseBatch> claim(DatabaseBatchId id, Instant now) {
          return findById(id).filter(b -> b.status() == BatchStatus.PENDING).map(b -> update(b.start(now)));
        }

        @Override
        public synchronized Optional<DatabaseBatch> cancelIfPending(DatabaseBatchId id, Instant now) {
          return findById(id).filter(b -> b.status() == BatchStatus.PENDING).map(b -> update(b.cancel(now)));
        }
      };

  final DatabaseEvaluationStore databaseEvaluations =
      new DatabaseEvaluationStore() {
        private final Map<DatabaseBatchId, DatabaseEvaluation> rows = new ConcurrentHashMap<>();

        @Override
        public DatabaseEvaluation save(DatabaseEvaluation evaluation) {
          rows.put(evaluation.batchId(), evaluation);
          return evaluation;
        }

        @Override
        public Optional<DatabaseEvaluation> find(DatabaseBatchId batch) {
          return Optional.ofNullable(rows.get(batch));
        }

        @Override
        public List<DatabaseEvaluation> listByStatus(EvaluationStatus status) {
          return rows.values().stream().filter(e -> e.status() == status).toList();
        }

        @Override
        public synchronized Optional<DatabaseEvaluation> claim(DatabaseBatchId batch, Instant now) {
          return find(batch).filter(e -> e.status() == EvaluationStatus.PENDING).map(e -> save(e.start(now)));
        }
      };
}
