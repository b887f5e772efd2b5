package dev.doppel.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.application.port.in.CreateProjectCommand;
import dev.doppel.application.port.in.UploadDatasetCommand;
import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import dev.doppel.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
  private final InMemoryPorts ports = new InMemoryPorts();
  private final Clock clock = Clock.systemUTC();
  private final FlakyModelStore models = new FlakyModelStore();

  /** Trains at once; nothing else is asked of it here. */
  private final SynthesisEngine engine =
      new SynthesisEngine() {
        @Override
        public AlgorithmCatalogue describe() {
          return new AlgorithmCatalogue(List.of());
        }

        @Override
        public TrainingSummary train(EngineRequests.Training request, ProgressListener listener, Cancellation cancellation) {
          return new TrainingSummary(1.0, Map.of(), List.of(), Optional.empty());
        }

        @Override
        public EngineRequests.GeneratedFile generate(EngineRequests.Generation request, ProgressListener listener, Cancellation cancellation) {
          throw new UnsupportedOperationException();
        }

        @Override
        public EvaluationReport evaluate(EngineRequests.Evaluation request, ProgressListener listener, Cancellation cancellation) {
          throw new UnsupportedOperationException();
        }
      };

  // Workers run on the calling thread, so each job has ended when queueing returns. The training
  // never completes here, so no evaluation store is needed.
  private final JobRunner jobs =
      new JobRunner(
          ports.datasetStore, models, ports.batchStore, null, ports.fileStore, engine, clock, new JobSettings(1, 10, Duration.ofSeconds(1)),
          Runnable::run, Runnable::run, Runnable::run);

  @Test
  void aTrainingWhoseOutcomeCannotBeWrittenTwiceStillEndsFailedRatherThanTraining() {
    SynthesisModel model = models.add(new NewModel(dataset().id(), new Algorithm("GaussianCopula"), TrainingSettings.NONE, Optional.empty(), clock.instant()));
    models.refuseNextUpdates(2);

    jobs.queue(new JobKey.Training(model.id()));

    SynthesisModel ended = models.findById(model.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(ModelStatus.FAILED);
    assertThat(ended.error()).contains(JobRunner.UNRECORDED);
  }

  private Dataset dataset() {
    CascadingDeletion deletion = new CascadingDeletion(ports.projectStore, ports.datasetStore, models, ports.batchStore, ports.fileStore, jobs, clock);
    Project project = new ProjectService(ports.projectStore, deletion, clock).create(CreateProjectCommand.of(new UserId(1), "Jobs", ""));
    DatasetService datasets =
        new DatasetService(
            ports.projectStore, ports.datasetStore, ports.fileStore, ports.tableReader, clock, new UploadLimits(1_000, 3, 50, ProfilingLimits.DEFAULT),
            new Quotas(ports.usage, new QuotaSettings(10, 1_000)), deletion);
    return datasets.upload(UploadDatasetCommand.of(new UserId(1), project.id(), null, "t.csv", new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8))));
  }

  /** Keeps models in memory; its next updates can be made to fail, like a database that is briefly away. */
  private static final class FlakyModelStore implements ModelStore {
    private final Map<ModelId, SynthesisModel> rows = new ConcurrentHashMap<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    void refuseNextUpdates(int count) {
      refusals.set(count);
    }

    @Override
    public SynthesisModel add(NewModel model) {
      SynthesisModel stored = SynthesisModel.pending(new ModelId(ids.incrementAndGet()), model);
      rows.put(stored.id(), stored);
      return stored;
    }

    @Override
    public Optional<SynthesisModel> findById(ModelId id) {
      return Optional.ofNullable(rows.get(id));
    }

    @Override
    public List<SynthesisModel> listByDataset(DatasetId dataset) {
      return rows.values().stream().filter(m -> m.datasetId().equals(dataset)).toList();
    }

    @Override
    public List<SynthesisModel> listByProject(ProjectId project) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<SynthesisModel> listByStatus(ModelStatus status) {
      return rows.values().stream().filter(m -> m.status() == status).toList();
    }

    @Override
    public SynthesisModel update(SynthesisModel model) {
      if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        throw new IllegalStateException("the database is not answering");
      }
      rows.put(model.id(), model);
      return model;
    }

    @Override
    public Optional<SynthesisModel> claim(ModelId id, String artifactKey, Instant now) {
      return findById(id).filter(m -> m.status() == ModelStatus.PENDING).map(m -> {
        SynthesisModel started = m.start(artifactKey, now);
        rows.put(id, started);
        return started;
      });
    }

    @Override
    public Optional<SynthesisModel> cancelIfPending(ModelId id, Instant now) {
      return Optional.empty();
    }

    @Override
    public int queuePosition(ModelId id) {
      return 0;
    }

    @Override
    public void delete(ModelId id) {
      rows.remove(id);
    }
  }
}
