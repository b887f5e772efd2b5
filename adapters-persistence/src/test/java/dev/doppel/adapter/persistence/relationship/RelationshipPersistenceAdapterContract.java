package dev.doppel.adapter.persistence.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.RelationshipStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.schema.KeyColumns;
import dev.doppel.domain.schema.NewRelationship;
import dev.doppel.domain.schema.Relationship;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

abstract class RelationshipPersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2025-03-30T01:30:00.123456789Z");

  @Autowired
  UserStore users;

  @Autowired
  ProjectStore projects;

  @Autowired
  DatasetStore datasets;

  @Autowired
  RelationshipStore relationships;

  @Test
  void storesCompositeKeysAndTheSequenceOrderInDeclarationOrder() {
    Project project = Fixtures.project(projects, Fixtures.user(users), T0);
    Dataset teams = Fixtures.dataset(datasets, project, T0);
    Dataset salaries = Fixtures.dataset(datasets, project, T0);
    Dataset people = Fixtures.dataset(datasets, project, T0);

    Relationship composite = relationships.add(
        new NewRelationship(project.id(), new KeyColumns(teams.id(), List.of("yearID", "teamID")), new KeyColumns(salaries.id(), List.of("yearID", "teamID")),
            List.of(), T0));
    Relationship sequence = relationships.add(
        new NewRelationship(project.id(), new KeyColumns(people.id(), List.of("playerID")), new KeyColumns(salaries.id(), List.of("playerID")),
            List.of("yearID"), T0));

    assertThat(composite.id().value()).isPositive();
    List<Relationship> stored = relationships.listByProject(project.id());
    assertThat(stored).extracting(Relationship::id).containsExactly(composite.id(), sequence.id());
    assertThat(stored.get(0).parent()).isEqualTo(new KeyColumns(teams.id(), List.of("yearID", "teamID")));
    assertThat(stored.get(0).child()).isEqualTo(new KeyColumns(salaries.id(), List.of("yearID", "teamID")));
    assertThat(stored.get(0).orderBy()).isEmpty();
    assertThat(stored.get(1).orderBy()).containsExactly("yearID");
    assertThat(stored.get(1).createdAt()).isEqualTo(asStored(T0));
    assertThat(relationships.findById(sequence.id())).contains(stored.get(1));
  }

  @Test
  void deletingADatasetOrTheRelationshipRemovesIt() {
    Project project = Fixtures.project(projects, Fixtures.user(users), T0);
    Dataset parent = Fixtures.dataset(datasets, project, T0);
    Dataset child = Fixtures.dataset(datasets, project, T0);
    Dataset other = Fixtures.dataset(datasets, project, T0);
    Relationship first = relationships.add(
        new NewRelationship(project.id(), new KeyColumns(parent.id(), List.of("id")), new KeyColumns(child.id(), List.of("parent_id")), List.of(), T0));
    Relationship second = relationships.add(
        new NewRelationship(project.id(), new KeyColumns(parent.id(), List.of("id")), new KeyColumns(other.id(), List.of("parent_id")), List.of(), T0));

    datasets.delete(child.id());
    assertThat(relationships.findById(first.id())).isEmpty();
    relationships.delete(second.id());
    assertThat(relationships.listByProject(project.id())).isEmpty();
  }
}
