package dev.doppel.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
  private final InMemoryPorts ports = new InMemoryPorts();
  private final Clock clock = Clock.systemUTC();
  private final JobStores stores = new JobStores();

  /** Trains at once; nothing else is asked of it here. */
  private final SynthesisEngine engine =
      new RefusingEngine() {
        @Override
        public TrainingSummary train(EngineRequests.Training request, ProgressListener listener, Cancellation cancellation) {
          return new TrainingSummary(1.0, Map.of(), List.of(), Optional.empty());
        }
      };

  // Workers run on the calling thread, so each job has ended when queueing returns. The training
  // never completes here, so no evaluation store is needed.
  private final JobRunner jobs =
      new JobRunner(
          ports.datasetStore, stores.models, stores.batches, null, stores.databaseModels, stores.databaseBatches, stores.databaseEvaluations, ports.fileStore, engine, clock, new JobSettings(1, 1, 10, Duration.ofSeconds(1)), new InMemoryJobLeases(), InMemoryJobLeases.ALONE,
          Runnable::run, Runnable::run, Runnable::run);

  @Test
  void aTrainingWhoseOutcomeCannotBeWrittenTwiceStillEndsFailedRatherThanTraining() {
    SynthesisModel model =
        stores.models.add(
            new NewModel(stores.uploadDataset(ports, jobs, clock).id(), new Algorithm("GaussianCopula"), TrainingSettings.NONE, Optional.empty(), clock.instant()));
    stores.refuseNextModelUpdates(2);

    jobs.queue(new JobKey.Training(model.id()));

    SynthesisModel ended = stores.models.findById(model.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(ModelStatus.FAILED);
    assertThat(ended.error()).contains(JobRunner.UNRECORDED);
  }
}
