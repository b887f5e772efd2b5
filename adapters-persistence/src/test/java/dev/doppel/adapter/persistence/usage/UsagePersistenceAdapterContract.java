package dev.doppel.adapter.persistence.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatabaseBatchStore;
import dev.doppel.application.port.out.DatabaseModelStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.application.port.out.UserUsage;
import dev.doppel.domain.batch.BatchFile;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.NewDatabaseBatch;
import dev.doppel.domain.relational.NewDatabaseModel;
import dev.doppel.domain.relational.TrainedTable;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import dev.doppel.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

abstract class UsagePersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2025-10-26T01:15:00Z");

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
  DatabaseModelStore databaseModels;

  @Autowired
  DatabaseBatchStore databaseBatches;

  @Autowired
  UserUsage usage;

  @Test
  void countsANewUserAsUsingNothing() {
    User fresh = Fixtures.user(users);
    assertThat(usage.storedBytes(fresh.id())).isZero();
    assertThat(usage.activeJobs(fresh.id())).isZero();
  }

  @Test
  void sumsTheUsersUploadsAndGeneratedBatchesAcrossProjects() {
    User owner = Fixtures.user(users);
    Dataset first = Fixtures.dataset(datasets, Fixtures.project(projects, owner, T0), T0);
    Project second = Fixtures.project(projects, owner, T0);
    Fixtures.dataset(datasets, second, T0);
    SynthesisModel trained = trained(first);
    SyntheticBatch generating = batches.claim(Fixtures.batch(batches, trained, T0).id(), T0).orElseThrow();
    batches.update(generating.complete(new BatchFile("b.csv", 10, 0, 5_000, Fixtures.SHA256), T0));
    Fixtures.dataset(users, projects, datasets, T0);

    assertThat(usage.storedBytes(owner.id())).isEqualTo(2 * 123_456L + 5_000);
  }

  @Test
  void countsQueuedAndRunningTrainingsAndGenerationsButNotFinishedOnes() {
    User owner = Fixtures.user(users);
    Dataset dataset = Fixtures.dataset(datasets, Fixtures.project(projects, owner, T0), T0);
    SynthesisModel trained = trained(dataset);
    Fixtures.model(models, dataset, T0);
    models.claim(Fixtures.model(models, dataset, T0).id(), "m", T0);
    models.cancelIfPending(Fixtures.model(models, dataset, T0).id(), T0);
    Fixtures.batch(batches, trained, T0);
    batches.claim(Fixtures.batch(batches, trained, T0).id(), T0);
    batches.cancelIfPending(Fixtures.batch(batches, trained, T0).id(), T0);
    Fixtures.model(models, Fixtures.dataset(users, projects, datasets, T0), T0);

    assertThat(usage.activeJobs(owner.id())).isEqualTo(4);
  }

  @Test
  void countsQueuedAndRunningDatabaseTrainingsAndGenerations() {
    User owner = Fixtures.user(users);
    Project project = Fixtures.project(projects, owner, T0);
    NewDatabaseModel request = new NewDatabaseModel(
        project.id(), new Algorithm("TabularARGN"), new TrainingSettings(Map.of()), Optional.empty(),
        List.of(new TrainedTable(Fixtures.dataset(datasets, project, T0).id(), "t", List.of())), List.of(), T0);
    DatabaseModel training = databaseModels.claim(databaseModels.add(request).id(), "k", T0).orElseThrow();
    DatabaseModel completed = databaseModels.update(training.complete(List.of(), T0));
    databaseBatches.add(new NewDatabaseBatch(completed.id(), 1, Optional.empty(), Map.of(), Map.of(), T0));
    databaseBatches.cancelIfPending(databaseBatches.add(new NewDatabaseBatch(completed.id(), 1, Optional.empty(), Map.of(), Map.of(), T0)).id(), T0);
    databaseModels.add(request);

    assertThat(usage.activeJobs(owner.id())).isEqualTo(2);
  }

  private SynthesisModel trained(Dataset dataset) {
    SynthesisModel training = models.claim(Fixtures.model(models, dataset, T0).id(), "m", T0).orElseThrow();
    return models.update(training.complete(new TrainingSummary(1.0, Map.of(), List.of(), Optional.empty()), T0));
  }
}
