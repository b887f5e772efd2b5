package dev.doppel.adapter.persistence.relational;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.out.DatabaseBatchStore;
import dev.doppel.application.port.out.DatabaseModelStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseProgress;
import dev.doppel.domain.relational.NewDatabaseBatch;
import dev.doppel.domain.relational.NewDatabaseModel;
import dev.doppel.domain.relational.TableLink;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TableSummary;
import dev.doppel.domain.relational.TrainedTable;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.ModelStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

abstract class DatabaseModelPersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2026-02-01T10:00:00.123456789Z");
  static final Instant T1 = T0.plusSeconds(60);
  static final Instant T2 = T0.plusSeconds(120);
  /** What a database keeps of an instant is checked on its own: MariaDB keeps whole seconds. */
  static final String[] TIMES = {"createdAt", "startedAt", "finishedAt"};

  @Autowired
  UserStore users;

  @Autowired
  ProjectStore projects;

  @Autowired
  DatasetStore datasets;

  @Autowired
  DatabaseModelStore models;

  @Autowired
  DatabaseBatchStore batches;

  Project project;
  NewDatabaseModel request;

  @BeforeEach
  void declareTwoTables() {
    project = Fixtures.project(projects, Fixtures.user(users), T0);
    Dataset people = Fixtures.dataset(datasets, project, T0);
    Dataset salaries = Fixtures.dataset(datasets, project, T0);
    request = new NewDatabaseModel(
        project.id(), new Algorithm("TabularARGN"), Fixtures.richSettings(), Optional.of(9L),
        List.of(new TrainedTable(people.id(), "People", List.of("playerID")), new TrainedTable(salaries.id(), "Salaries", List.of())),
        List.of(new TableLink("People", List.of("playerID"), "Salaries", List.of("playerID"), List.of("yearID"))), T0);
  }

  @Test
  void keepsTheTablesLinksAndSettingsItWasAskedToTrain() {
    DatabaseModel added = models.add(request);

    assertThat(added.id().value()).isPositive();
    assertThat(added).isEqualTo(DatabaseModel.pending(added.id(), new NewDatabaseModel(
        request.projectId(), request.algorithm(), request.settings(), request.seed(), request.tables(), request.links(), T0.truncatedTo(ChronoUnit.MICROS))));
    DatabaseModel stored = models.findById(added.id()).orElseThrow();
    assertThat(stored).usingRecursiveComparison().ignoringFields(TIMES).isEqualTo(added);
    assertThat(stored.createdAt()).isEqualTo(asStored(T0));
    assertThat(models.listByProject(project.id())).containsExactly(stored);
    assertThat(models.listByStatus(ModelStatus.PENDING)).contains(stored);
  }

  @Test
  void claimsOnceThenRecordsProgressAndTheSummary() {
    DatabaseModel added = models.add(request);

    DatabaseModel claimed = models.claim(added.id(), "projects/1/databases/1/model-folder", T1).orElseThrow();
    assertThat(models.claim(added.id(), "elsewhere", T1)).isEmpty();
    assertThat(models.cancelIfPending(added.id(), T1)).isEmpty();
    DatabaseModel progressed = models.update(claimed.progressed(new DatabaseProgress(Optional.of("Salaries"), "fit", Optional.of(2), Optional.of(4), 1.5)));
    DatabaseModel completed = models.update(progressed.complete(List.of(new TableSummary("People", 210, 1.25), new TableSummary("Salaries", 600, 3.5)), T2));

    assertThat(claimed.status()).isEqualTo(ModelStatus.TRAINING);
    assertThat(claimed.modelFolderKey()).contains("projects/1/databases/1/model-folder");
    assertThat(models.findById(added.id()).orElseThrow()).usingRecursiveComparison().ignoringFields(TIMES).isEqualTo(completed);
    assertThat(models.findById(added.id()).flatMap(DatabaseModel::finishedAt)).contains(asStored(T2));
    assertThat(completed.progress().flatMap(DatabaseProgress::table)).contains("Salaries");
    assertThat(completed.summary()).containsExactly(new TableSummary("People", 210, 1.25), new TableSummary("Salaries", 600, 3.5));
  }

  @Test
  void cancelsAQueuedModelOnceAndDeletesItWithItsBatches() {
    DatabaseModel added = models.add(request);

    assertThat(models.cancelIfPending(added.id(), T1).map(DatabaseModel::status)).contains(ModelStatus.CANCELLED);
    assertThat(models.cancelIfPending(added.id(), T1)).isEmpty();
    assertThat(models.claim(added.id(), "k", T1)).isEmpty();
    DatabaseBatch batch = batches.add(new NewDatabaseBatch(added.id(), 0.5, Optional.empty(), Map.of(), Map.of(), T1));
    models.delete(added.id());

    assertThat(models.findById(added.id())).isEmpty();
    assertThat(batches.findById(batch.id())).isEmpty();
  }

  @Test
  void aBatchIsClaimedOnceAndCompletesWithItsRowsPerTable() {
    DatabaseModel model = models.add(request);
    DatabaseBatch added = batches.add(new NewDatabaseBatch(model.id(), 0.5, Optional.of(3L), Map.of(), Map.of(), T0));

    assertThat(added).isEqualTo(DatabaseBatch.pending(added.id(), new NewDatabaseBatch(model.id(), 0.5, Optional.of(3L), Map.of(), Map.of(), T0.truncatedTo(ChronoUnit.MICROS))));
    DatabaseBatch claimed = batches.claim(added.id(), T1).orElseThrow();
    assertThat(batches.claim(added.id(), T1)).isEmpty();
    DatabaseBatch completed = batches.update(claimed.complete("projects/1/databases/1/batches/1", List.of(new TableRows("People", 105, 0), new TableRows("Salaries", 300, 0)), T2));

    assertThat(claimed.status()).isEqualTo(BatchStatus.GENERATING);
    DatabaseBatch stored = batches.findById(added.id()).orElseThrow();
    assertThat(stored).usingRecursiveComparison().ignoringFields(TIMES).isEqualTo(completed);
    assertThat(stored.finishedAt()).contains(asStored(T2));
    assertThat(completed.tableRows()).containsExactly(new TableRows("People", 105, 0), new TableRows("Salaries", 300, 0));
    assertThat(batches.listByModel(model.id())).containsExactly(stored);
    assertThat(batches.listByStatus(BatchStatus.GENERATING)).doesNotContain(stored);
  }

  @Test
  void aBatchKeepsTheAnomaliesAskedPerTableInOrderAndTheAnomalyRowsEachTableGot() {
    DatabaseModel model = models.add(request);
    Map<String, AnomalySpec> anomalies = new LinkedHashMap<>();
    anomalies.put("Salaries", new AnomalySpec(0.1, Optional.of("is_anomaly"), Optional.empty(), List.of()));
    anomalies.put("People", new AnomalySpec(0.5, Optional.of("odd"), Optional.of("why"), List.of("unexpected_null", "out_of_range")));
    DatabaseBatch added = batches.add(new NewDatabaseBatch(model.id(), 1, Optional.empty(), anomalies, Map.of(), T0));

    assertThat(added.anomalies()).containsExactlyEntriesOf(anomalies);
    DatabaseBatch claimed = batches.claim(added.id(), T1).orElseThrow();
    batches.update(claimed.complete("projects/1/databases/1/batches/2", List.of(new TableRows("People", 10, 5), new TableRows("Salaries", 31, 3)), T2));

    DatabaseBatch stored = batches.findById(added.id()).orElseThrow();
    assertThat(stored.anomalies()).containsExactlyEntriesOf(anomalies);
    assertThat(stored.tableRows()).containsExactly(new TableRows("People", 10, 5), new TableRows("Salaries", 31, 3));
    assertThat(batches.listByModel(model.id()).get(0).anomalies("People")).contains(anomalies.get("People"));
  }

  @Test
  void aBatchKeepsTheFixedValuesAskedPerTableAndColumnInOrder() {
    DatabaseModel model = models.add(request);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("weight", "180");
    values.put("bats", "L");
    Map<String, Conditioning.FixedValues> conditions = new LinkedHashMap<>();
    conditions.put("TeamsFranchises", new Conditioning.FixedValues(Map.of("active", "Y")));
    conditions.put("People", new Conditioning.FixedValues(values));
    DatabaseBatch added = batches.add(new NewDatabaseBatch(model.id(), 1, Optional.empty(), Map.of(), conditions, T0));
    batches.update(batches.claim(added.id(), T1).orElseThrow().complete("projects/1/databases/1/batches/3", List.of(new TableRows("People", 10, 0)), T2));

    DatabaseBatch stored = batches.findById(added.id()).orElseThrow();
    assertThat(stored.conditions()).containsExactlyEntriesOf(conditions);
    assertThat(stored.conditions().get("People").values()).containsExactly(Map.entry("weight", "180"), Map.entry("bats", "L"));
    assertThat(batches.add(new NewDatabaseBatch(model.id(), 1, Optional.empty(), Map.of(), Map.of(), T0)).conditions()).isEmpty();
  }

  @Test
  void deletingTheProjectRemovesItsDatabaseModels() {
    DatabaseModel added = models.add(request);

    projects.delete(project.id());

    assertThat(models.findById(added.id())).isEmpty();
  }
}
