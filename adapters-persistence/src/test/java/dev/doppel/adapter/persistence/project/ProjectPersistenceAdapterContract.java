package dev.doppel.adapter.persistence.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.project.NewProject;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.project.ProjectName;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.user.User;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

abstract class ProjectPersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2025-03-30T01:30:00.123456789Z");

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
  protected JdbcTemplate jdbc;

  @Test
  void storesProjectAndFindsItForItsOwner() {
    User owner = Fixtures.user(users);
    Project added = projects.add(new NewProject(owner.id(), new ProjectName("Churn Ωmega"), "  the why  ", T0));

    assertThat(added.id().value()).isPositive();
    assertThat(added.ownerId()).isEqualTo(owner.id());
    assertThat(added.description()).isEqualTo("the why");
    assertThat(added.createdAt()).isEqualTo(Instant.parse("2025-03-30T01:30:00.123456Z"));
    assertThat(projects.findOwned(added.id(), owner.id())).contains(asStored(added));
  }

  @Test
  void hidesProjectFromAnotherOwner() {
    User owner = Fixtures.user(users);
    User stranger = Fixtures.user(users);
    Project project = Fixtures.project(projects, owner, T0);

    assertThat(projects.findOwned(project.id(), stranger.id())).isEmpty();
    assertThat(projects.findOwned(new ProjectId(Long.MAX_VALUE), owner.id())).isEmpty();
  }

  @Test
  void listsOnlyTheOwnersProjectsNewestFirst() {
    User owner = Fixtures.user(users);
    User stranger = Fixtures.user(users);
    Project older = Fixtures.project(projects, owner, T0);
    Project newer = Fixtures.project(projects, owner, T0.plusSeconds(60));
    Fixtures.project(projects, stranger, T0.plusSeconds(30));

    assertThat(projects.listOwnedBy(owner.id())).containsExactly(asStored(newer), asStored(older));
    assertThat(projects.listOwnedBy(Fixtures.user(users).id())).isEmpty();
  }

  @Test
  void updatesNameAndDescriptionKeepingOwnerAndCreation() {
    User owner = Fixtures.user(users);
    Project project = Fixtures.project(projects, owner, T0);

    Project updated = projects.update(project.renamed(new ProjectName("Renamed")).describedAs("new words"));

    assertThat(updated).isEqualTo(
        new Project(project.id(), owner.id(), new ProjectName("Renamed"), "new words", asStored(project.createdAt())));
    assertThat(projects.findOwned(project.id(), owner.id())).contains(updated);
  }

  @Test
  void deletingProjectRemovesItsDatasetsModelsBatchesAndEvaluations() {
    User owner = Fixtures.user(users);
    Project doomed = Fixtures.project(projects, owner, T0);
    Project kept = Fixtures.project(projects, owner, T0);
    Dataset doomedData = Fixtures.dataset(datasets, doomed, T0);
    Dataset keptData = Fixtures.dataset(datasets, kept, T0);
    long doomedModel = insertModelWithBatch(doomedData);
    long keptModel = insertModelWithBatch(keptData);

    projects.delete(doomed.id());

    assertThat(projects.findOwned(doomed.id(), owner.id())).isEmpty();
    assertThat(datasets.findById(doomedData.id())).isEmpty();
    assertThat(count("models WHERE id = ?", doomedModel)).isZero();
    assertThat(count("synthetic_batches WHERE model_id = ?", doomedModel)).isZero();
    assertThat(count("model_evaluations WHERE model_id = ?", doomedModel)).isZero();
    assertThat(datasets.findById(keptData.id())).map(Dataset::name).contains(keptData.name());
    assertThat(count("synthetic_batches WHERE model_id = ?", keptModel)).isOne();
    assertThat(count("model_evaluations WHERE model_id = ?", keptModel)).isOne();
  }

  @Test
  void deletingAMissingProjectDoesNothing() {
    projects.delete(new ProjectId(Long.MAX_VALUE));
  }

  Project asStored(Project project) {
    return new Project(project.id(), project.ownerId(), project.name(), project.description(), asStored(project.createdAt()));
  }

  /** A model being trained, with a batch and an evaluation requested. */
  private long insertModelWithBatch(Dataset dataset) {
    SynthesisModel model = models.claim(Fixtures.model(models, dataset, T0).id(), "models/x.pkl", T0).orElseThrow();
    Fixtures.batch(batches, model, T0);
    evaluations.save(Evaluation.requested(model.id(), T0));
    return model.id().value();
  }

  private long count(String fromWhere, long id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + fromWhere, Long.class, id);
  }
}
