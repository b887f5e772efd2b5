package dev.doppel.adapter.persistence.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.LossPoint;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingProgress;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

abstract class ModelPersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2025-10-26T01:15:00.000001Z");
  static final Instant T1 = T0.plusSeconds(60).plusNanos(123_456_789);
  static final Instant T2 = T0.plusSeconds(3600).plusNanos(987_654_321);

  @Autowired
  UserStore users;

  @Autowired
  ProjectStore projects;

  @Autowired
  DatasetStore datasets;

  @Autowired
  ModelStore models;

  @Autowired
  BatchStore batches;

  @Autowired
  EvaluationStore evaluations;

  @Autowired
  PlatformTransactionManager transactions;

  @Autowired
  protected JdbcTemplate jdbc;

  Project project;
  Dataset dataset;
  ExecutorService workers;

  @BeforeEach
  void createDataset() {
    project = Fixtures.project(projects, Fixtures.user(users), T0);
    dataset = Fixtures.dataset(datasets, project, T0);
    workers = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  @Test
  void storesPendingModelWithEveryKindOfSetting() {
    NewModel request = Fixtures.newModel(dataset, T0.plusNanos(999));

    SynthesisModel added = models.add(request);

    assertThat(added.id().value()).isPositive();
    assertThat(added).isEqualTo(SynthesisModel.pending(added.id(), new NewModel(dataset.id(), request.algorithm(), request.settings(),
        request.seed(), T0)));
    SynthesisModel read = models.findById(added.id()).orElseThrow();
    assertThat(read).isEqualTo(asStored(added));
    assertThat(read.settings()).isEqualTo(Fixtures.richSettings());
    assertThat(read.settings().get("discriminator_decay")).containsInstanceOf(Double.class);
    assertThat(read.settings().get("epochs")).containsInstanceOf(Long.class);
  }

  @Test
  void storesTheDifferentialPrivacySettingsAskedForAndTheBudgetSpent() {
    TrainingSettings privacy = new TrainingSettings(java.util.Map.of("max_epsilon", 4.0, "delta", 1e-5, "max_grad_norm", 1L));
    SynthesisModel added = models.add(new NewModel(dataset.id(), new Algorithm("TabularARGN"), TrainingSettings.NONE, Optional.of(privacy), Optional.empty(), T0));
    assertThat(models.findById(added.id()).orElseThrow().differentialPrivacy()).contains(privacy);

    SynthesisModel trained = models.claim(added.id(), "projects/1/models/" + added.id().value() + "/model-folder", T0).orElseThrow();
    models.update(trained.complete(new dev.doppel.domain.synthesis.TrainingSummary(3.5, java.util.Map.of(), java.util.List.of(),
        Optional.of(new dev.doppel.domain.synthesis.PrivacySpent(3.97, 1e-5))), T0));
    assertThat(models.findById(added.id()).orElseThrow().summary().orElseThrow().privacySpent())
        .contains(new dev.doppel.domain.synthesis.PrivacySpent(3.97, 1e-5));
    assertThat(models.findById(added.id()).orElseThrow().differentialPrivacy()).contains(privacy);
  }

  @Test
  void storesModelWithoutSettingsOrSeed() {
    SynthesisModel added = models.add(new NewModel(dataset.id(), new Algorithm("GaussianCopula"), TrainingSettings.NONE,
        Optional.empty(), T0));

    SynthesisModel read = models.findById(added.id()).orElseThrow();

    assertThat(read).isEqualTo(asStored(added));
    assertThat(read.seed()).isEmpty();
    assertThat(read.settings().values()).isEmpty();
    assertThat(read.progress()).isEmpty();
    assertThat(read.lossHistory()).isEmpty();
    assertThat(read.modelFolderKey()).isEmpty();
    assertThat(read.summary()).isEmpty();
    assertThat(read.error()).isEmpty();
    assertThat(read.startedAt()).isEmpty();
    assertThat(read.finishedAt()).isEmpty();
  }

  @Test
  void findsNothingForUnknownId() {
    assertThat(models.findById(new ModelId(Long.MAX_VALUE))).isEmpty();
  }

  @Test
  void persistsATrainingRunFromClaimThroughProgressToCompletion() {
    SynthesisModel pending = Fixtures.model(models, dataset, T0);

    SynthesisModel training = models.claim(pending.id(), "models/1/model.pkl", T1).orElseThrow();
    assertThat(training).isEqualTo(asStored(pending.start("models/1/model.pkl", T1)));
    assertThat(models.findById(pending.id())).contains(training);

    SynthesisModel preprocessing = training.progressed(
        new TrainingProgress("preprocessing", Optional.empty(), Optional.empty(), Map.of(), 0.25));
    SynthesisModel epoch1 = preprocessing.progressed(new TrainingProgress("fitting", Optional.of(1), Optional.of(300),
        Map.of("generator_loss", 1.5, "discriminator_loss", -0.25), 3.0));
    SynthesisModel epoch2 = models.update(epoch1).progressed(new TrainingProgress("fitting", Optional.of(2), Optional.of(300),
        Map.of("generator_loss", 1.0, "discriminator_loss", Double.NaN), 6.0));
    assertThat(models.update(epoch2)).isEqualTo(epoch2);
    SynthesisModel storedEpoch2 = models.findById(pending.id()).orElseThrow();
    assertThat(storedEpoch2).isEqualTo(epoch2);
    assertThat(storedEpoch2.lossHistory()).containsExactly(
        new LossPoint(1, Map.of("generator_loss", 1.5, "discriminator_loss", -0.25)),
        new LossPoint(2, Map.of("generator_loss", 1.0, "discriminator_loss", Double.NaN)));
    assertThat(storedEpoch2.progress().orElseThrow().fraction()).contains(2.0 / 300);

    SynthesisModel completed = storedEpoch2.complete(
        new TrainingSummary(93.5, Map.of("generator_loss", 0.5), List.of("column \"id\" looks like a key", "ü")), T2);
    models.update(completed);

    assertThat(models.findById(pending.id())).contains(asStored(completed));
    assertThat(jdbc.queryForObject("SELECT model_file_path FROM models WHERE id = ?", String.class, pending.id().value()))
        .isEqualTo("models/1/model.pkl");
    assertThat(jdbc.queryForObject("SELECT training_metrics FROM models WHERE id = ?", String.class, pending.id().value()))
        .contains("fitSeconds");
  }

  @Test
  void persistsFailureOfATrainingAndOfAPendingModel() {
    SynthesisModel training = models.claim(Fixtures.model(models, dataset, T0).id(), "models/a.pkl", T1).orElseThrow();
    SynthesisModel pending = Fixtures.model(models, dataset, T0);

    SynthesisModel failedTraining = models.update(training.fail("engine exited with code 137", T2));
    SynthesisModel failedPending = models.update(pending.fail("dataset file is missing", T2));

    assertThat(models.findById(training.id())).contains(asStored(failedTraining));
    assertThat(models.findById(training.id()).orElseThrow().error()).contains("engine exited with code 137");
    assertThat(models.findById(pending.id())).contains(asStored(failedPending));
    assertThat(models.findById(pending.id()).orElseThrow().modelFolderKey()).isEmpty();
  }

  @Test
  void cancelsAModelThatIsStillPending() {
    SynthesisModel pending = Fixtures.model(models, dataset, T0);

    Optional<SynthesisModel> cancelled = models.cancelIfPending(pending.id(), T1);

    assertThat(cancelled).contains(asStored(pending.cancel(T1)));
    assertThat(models.findById(pending.id())).isEqualTo(cancelled);
    assertThat(models.cancelIfPending(pending.id(), T2)).isEmpty();
    assertThat(models.claim(pending.id(), "models/late.pkl", T2)).isEmpty();
  }

  @Test
  void leavesATrainingModelAloneWhenAskedToCancelIfPending() {
    SynthesisModel training = models.claim(Fixtures.model(models, dataset, T0).id(), "models/b.pkl", T1).orElseThrow();

    assertThat(models.cancelIfPending(training.id(), T2)).isEmpty();

    assertThat(models.findById(training.id())).contains(training);
  }

  @Test
  void claimsAModelOnlyOnce() {
    SynthesisModel pending = Fixtures.model(models, dataset, T0);

    assertThat(models.claim(pending.id(), "models/first.pkl", T1)).isPresent();
    assertThat(models.claim(pending.id(), "models/second.pkl", T2)).isEmpty();
    assertThat(models.claim(new ModelId(Long.MAX_VALUE), "models/none.pkl", T2)).isEmpty();

    SynthesisModel stored = models.findById(pending.id()).orElseThrow();
    assertThat(stored.modelFolderKey()).contains("models/first.pkl");
    assertThat(stored.startedAt()).contains(asStored(T1));
  }

  @Test
  void letsExactlyOneOfTwoConcurrentWorkersClaimAModel() throws Exception {
    for (int round = 0; round < 10; round++) {
      ModelId id = Fixtures.model(models, dataset, T0).id();
      CyclicBarrier start = new CyclicBarrier(2);
      Future<Optional<SynthesisModel>> a = workers.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return models.claim(id, "models/a.pkl", T1);
      });
      Future<Optional<SynthesisModel>> b = workers.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return models.claim(id, "models/b.pkl", T1);
      });

      List<SynthesisModel> winners = new ArrayList<>();
      a.get(30, TimeUnit.SECONDS).ifPresent(winners::add);
      b.get(30, TimeUnit.SECONDS).ifPresent(winners::add);

      assertThat(winners).as("round %d", round).hasSize(1);
      assertThat(models.findById(id).orElseThrow().modelFolderKey()).isEqualTo(winners.get(0).modelFolderKey());
    }
  }

  /** The second worker's UPDATE waits for the first one's open transaction, then finds the model taken. */
  @Test
  void aClaimWaitingOnAnotherWorkersOpenClaimLoses() throws Exception {
    ModelId id = Fixtures.model(models, dataset, T0).id();
    CountDownLatch firstClaimed = new CountDownLatch(1);
    CountDownLatch secondStarted = new CountDownLatch(1);
    TransactionTemplate transaction = new TransactionTemplate(transactions);

    Future<Optional<SynthesisModel>> first = workers.submit(() -> transaction.execute(status -> {
      Optional<SynthesisModel> claimed = models.claim(id, "models/first.pkl", T1);
      firstClaimed.countDown();
      await(secondStarted);
      sleep(300); // the second claim is now waiting on this transaction's row lock
      return claimed;
    }));
    await(firstClaimed);
    Future<Optional<SynthesisModel>> second = workers.submit(() -> {
      secondStarted.countDown();
      return models.claim(id, "models/second.pkl", T2);
    });

    assertThat(first.get(30, TimeUnit.SECONDS)).isPresent();
    assertThat(second.get(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(models.findById(id).orElseThrow().modelFolderKey()).contains("models/first.pkl");
  }

  @Test
  void countsThePendingModelsQueuedBeforeAModel() {
    SynthesisModel first = Fixtures.model(models, dataset, T0);
    SynthesisModel second = Fixtures.model(models, dataset, T0);
    SynthesisModel third = Fixtures.model(models, dataset, T0);
    int ahead = models.queuePosition(first.id()); // earlier tests may have left models pending

    assertThat(models.queuePosition(second.id())).isEqualTo(ahead + 1);
    assertThat(models.queuePosition(third.id())).isEqualTo(ahead + 2);

    models.claim(first.id(), "models/q.pkl", T1);
    models.cancelIfPending(second.id(), T1);

    assertThat(models.queuePosition(third.id())).isEqualTo(ahead);
  }

  @Test
  void listsADatasetsAndAProjectsModelsNewestFirst() {
    Dataset other = Fixtures.dataset(datasets, project, T0);
    SynthesisModel oldest = Fixtures.model(models, dataset, T0);
    SynthesisModel newest = Fixtures.model(models, other, T2);
    SynthesisModel middle = Fixtures.model(models, dataset, T1);
    SynthesisModel tiedWithMiddle = Fixtures.model(models, other, T1);
    Fixtures.model(models, Fixtures.dataset(users, projects, datasets, T0), T1);

    assertThat(models.listByDataset(dataset.id())).containsExactly(asStored(middle), asStored(oldest));
    assertThat(models.listByDataset(other.id())).containsExactly(asStored(newest), asStored(tiedWithMiddle));
    assertThat(models.listByProject(project.id()))
        .containsExactly(asStored(newest), asStored(tiedWithMiddle), asStored(middle), asStored(oldest));
    assertThat(models.listByProject(Fixtures.project(projects, Fixtures.user(users), T0).id())).isEmpty();
  }

  @Test
  void listsModelsOfAStatusOldestFirst() {
    SynthesisModel first = Fixtures.model(models, dataset, T2);
    SynthesisModel second = Fixtures.model(models, dataset, T0);
    SynthesisModel training = models.claim(Fixtures.model(models, dataset, T0).id(), "models/t.pkl", T1).orElseThrow();
    List<ModelId> ours = List.of(first.id(), second.id(), training.id());

    assertThat(models.listByStatus(ModelStatus.PENDING)).filteredOn(m -> ours.contains(m.id()))
        .containsExactly(asStored(first), asStored(second));
    assertThat(models.listByStatus(ModelStatus.TRAINING)).filteredOn(m -> ours.contains(m.id())).containsExactly(training);
    assertThat(models.listByStatus(ModelStatus.TRAINING)).allMatch(m -> m.status() == ModelStatus.TRAINING);
  }

  @Test
  void refusesToUpdateAMissingModel() {
    SynthesisModel model = Fixtures.model(models, dataset, T0);
    models.delete(model.id());

    assertThatThrownBy(() -> models.update(model.fail("gone", T1))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingAModelRemovesItsBatchesAndEvaluation() {
    SynthesisModel doomed = models.claim(Fixtures.model(models, dataset, T0).id(), "models/d.pkl", T1).orElseThrow();
    SynthesisModel kept = models.claim(Fixtures.model(models, dataset, T0).id(), "models/k.pkl", T1).orElseThrow();
    var doomedBatch = Fixtures.batch(batches, doomed, T1);
    var keptBatch = Fixtures.batch(batches, kept, T1);
    evaluations.save(Evaluation.requested(doomed.id(), T1));
    evaluations.save(Evaluation.requested(kept.id(), T1));

    models.delete(doomed.id());

    assertThat(models.findById(doomed.id())).isEmpty();
    assertThat(batches.findById(doomedBatch.id())).isEmpty();
    assertThat(evaluations.find(doomed.id())).isEmpty();
    assertThat(models.findById(kept.id())).isPresent();
    assertThat(batches.findById(keptBatch.id())).isPresent();
    assertThat(evaluations.find(kept.id())).isPresent();
  }

  @Test
  void deletingAMissingModelDoesNothing() {
    models.delete(new ModelId(Long.MAX_VALUE));
  }

  SynthesisModel asStored(SynthesisModel model) {
    return new SynthesisModel(model.id(), model.datasetId(), model.algorithm(), model.settings(), model.differentialPrivacy(), model.seed(), model.status(),
        model.progress(), model.lossHistory(), model.modelFolderKey(), model.summary(), model.error(), asStored(model.createdAt()),
        model.startedAt().map(this::asStored), model.finishedAt().map(this::asStored));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out waiting for the other worker");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
