package dev.doppel.adapter.persistence.relational;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.out.DatabaseBatchStore;
import dev.doppel.application.port.out.DatabaseEvaluationStore;
import dev.doppel.application.port.out.DatabaseModelStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseEvaluation;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.NewDatabaseBatch;
import dev.doppel.domain.relational.NewDatabaseModel;
import dev.doppel.domain.relational.TrainedTable;
import dev.doppel.domain.synthesis.Algorithm;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

abstract class DatabaseEvaluationPersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2026-02-01T10:00:00.123456789Z");
  static final Instant T1 = T0.plusSeconds(60);
  static final Instant T2 = T0.plusSeconds(120);
  static final String REPORT =
      "{\"relationships\":[{\"parent\":\"People\",\"child\":\"Salaries\",\"integrity\":{\"childRows\":300,\"orphans\":0,\"share\":1.0}}],\"summary\":{\"integrity\":1.0}}";

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

  @Autowired
  DatabaseEvaluationStore evaluations;

  Project project;
  DatabaseModel model;
  DatabaseBatch batch;

  @BeforeEach
  void generateABatch() {
    project = Fixtures.project(projects, Fixtures.user(users), T0);
    Dataset people = Fixtures.dataset(datasets, project, T0);
    model = models.add(new NewDatabaseModel(
        project.id(), new Algorithm("TabularARGN"), Fixtures.richSettings(), Optional.empty(), List.of(new TrainedTable(people.id(), "People", List.of("playerID"))),
        List.of(), T0));
    batch = batches.add(new NewDatabaseBatch(model.id(), 1, Optional.empty(), Map.of(), Map.of(), T0));
  }

  @Test
  void claimsARequestedEvaluationOnceThenKeepsItsReport() throws Exception {
    evaluations.save(DatabaseEvaluation.requested(batch.id(), T0));
    assertThat(evaluations.listByStatus(EvaluationStatus.PENDING)).extracting(DatabaseEvaluation::batchId).contains(batch.id());
    assertThat(evaluations.find(batch.id()).orElseThrow().requestedAt()).isEqualTo(asStored(T0));

    DatabaseEvaluation claimed = evaluations.claim(batch.id(), T1).orElseThrow();
    assertThat(evaluations.claim(batch.id(), T1)).isEmpty();
    assertThat(claimed.status()).isEqualTo(EvaluationStatus.RUNNING);
    assertThat(claimed.startedAt()).contains(asStored(T1));
    assertThat(evaluations.listByStatus(EvaluationStatus.RUNNING)).extracting(DatabaseEvaluation::batchId).containsExactly(batch.id());

    evaluations.save(claimed.complete(REPORT, T2));

    DatabaseEvaluation stored = evaluations.find(batch.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(EvaluationStatus.COMPLETED);
    assertThat(stored.finishedAt()).contains(asStored(T2));
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(stored.report().orElseThrow())).isEqualTo(json.readTree(REPORT));
  }

  @Test
  void aNewRequestReplacesTheFinishedEvaluationAndItsReport() {
    DatabaseEvaluation failed = evaluations.save(DatabaseEvaluation.requested(batch.id(), T0).start(T1).fail("the engine crashed", T2));
    assertThat(failed.error()).contains("the engine crashed");

    evaluations.save(DatabaseEvaluation.requested(batch.id(), T2));

    DatabaseEvaluation again = evaluations.find(batch.id()).orElseThrow();
    assertThat(again.status()).isEqualTo(EvaluationStatus.PENDING);
    assertThat(again.error()).isEmpty();
    assertThat(again.report()).isEmpty();
    assertThat(again.requestedAt()).isEqualTo(asStored(T2));
  }

  @Test
  void goesWithItsBatchWhenTheModelIsDeleted() {
    evaluations.save(DatabaseEvaluation.requested(batch.id(), T0));

    models.delete(model.id());

    assertThat(evaluations.find(batch.id())).isEmpty();
    assertThat(evaluations.listByStatus(EvaluationStatus.PENDING)).noneMatch(e -> e.batchId().equals(batch.id()));
  }
}
