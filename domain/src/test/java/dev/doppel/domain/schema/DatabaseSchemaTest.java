package dev.doppel.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSchemaTest {
  static final ProjectId PROJECT = new ProjectId(1);
  static final DatasetId FRANCHISES = new DatasetId(1);
  static final DatasetId TEAMS = new DatasetId(2);
  static final DatasetId PEOPLE = new DatasetId(3);
  static final DatasetId SALARIES = new DatasetId(4);
  static final Map<DatasetId, String> NAMES = Map.of(FRANCHISES, "TeamsFranchises", TEAMS, "Teams", PEOPLE, "People", SALARIES, "Salaries");

  final List<Relationship> declared = new ArrayList<>();

  @Test
  void ordersParentsBeforeChildrenKeepingTheGivenOrderOtherwise() {
    accept(link(FRANCHISES, List.of("franchID"), TEAMS, List.of("franchID"), List.of("yearID")));
    accept(link(TEAMS, List.of("yearID", "teamID"), SALARIES, List.of("yearID", "teamID"), List.of()));
    accept(link(PEOPLE, List.of("playerID"), SALARIES, List.of("playerID"), List.of("yearID")));

    DatabaseSchema schema = new DatabaseSchema(declared);

    assertThat(schema.inDependencyOrder(List.of(SALARIES, TEAMS, PEOPLE, FRANCHISES))).containsExactly(PEOPLE, FRANCHISES, TEAMS, SALARIES);
    assertThat(schema.primaryKeyOf(TEAMS)).contains(List.of("yearID", "teamID"));
    assertThat(schema.primaryKeyOf(SALARIES)).isEmpty();
  }

  @Test
  void refusesALinkThatClosesACycleNamingTheTablesOnIt() {
    accept(link(FRANCHISES, List.of("franchID"), TEAMS, List.of("franchID"), List.of()));
    accept(link(TEAMS, List.of("teamID"), SALARIES, List.of("teamID"), List.of()));

    assertThatThrownBy(() -> accept(link(SALARIES, List.of("salaryID"), FRANCHISES, List.of("salaryID"), List.of())))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("cycle Salaries → TeamsFranchises → Teams → Salaries")
        .hasMessageContaining("TeamsFranchises(salaryID) → Salaries(salaryID)")
        .extracting(e -> ((InvalidSchemaException) e).field())
        .isEqualTo("childColumns");
    assertThatThrownBy(() -> accept(link(TEAMS, List.of("teamID"), TEAMS, List.of("parentTeamID"), List.of())))
        .hasMessageContaining("links Teams to itself");
  }

  @Test
  void keepsOneKeyPerTableOneSequencePerChildAndEachLinkOnce() {
    accept(link(TEAMS, List.of("yearID", "teamID"), SALARIES, List.of("yearID", "teamID"), List.of()));
    accept(link(PEOPLE, List.of("playerID"), SALARIES, List.of("playerID"), List.of("yearID")));

    assertThatThrownBy(() -> accept(link(TEAMS, List.of("teamID"), PEOPLE, List.of("teamID"), List.of())))
        .hasMessageContaining("Teams is referenced by its key (yearID, teamID) already");
    assertThatThrownBy(() -> accept(link(FRANCHISES, List.of("franchID"), SALARIES, List.of("franchID"), List.of("yearID"))))
        .hasMessageContaining("Salaries is a sequence under People already")
        .extracting(e -> ((InvalidSchemaException) e).field())
        .isEqualTo("orderBy");
    assertThatThrownBy(() -> accept(link(PEOPLE, List.of("playerID"), SALARIES, List.of("playerID"), List.of())))
        .hasMessageContaining("is declared already");
  }

  @Test
  void aRelationshipNeedsMatchingKeysAndAnOrderOutsideThem() {
    assertThatThrownBy(() -> link(TEAMS, List.of("yearID", "teamID"), SALARIES, List.of("teamID"), List.of()))
        .hasMessageContaining("as many columns as parentColumns (2)");
    assertThatThrownBy(() -> link(TEAMS, List.of(), SALARIES, List.of(), List.of())).hasMessageContaining("parentColumns must name at least one column");
    assertThatThrownBy(() -> link(TEAMS, List.of("a", "a"), SALARIES, List.of("a", "b"), List.of())).hasMessageContaining("names a column twice");
    assertThatThrownBy(() -> link(PEOPLE, List.of("playerID"), SALARIES, List.of("playerID"), List.of("playerID")))
        .hasMessageContaining("orderBy must name child columns outside the foreign key");
    assertThatThrownBy(() -> link(TEAMS, List.of("a", "b", "c", "d", "e"), SALARIES, List.of("a", "b", "c", "d", "e"), List.of()))
        .hasMessageContaining("at most 4 columns");
  }

  private static NewRelationship link(DatasetId parent, List<String> parentColumns, DatasetId child, List<String> childColumns, List<String> orderBy) {
    return new NewRelationship(PROJECT, new KeyColumns(parent, parentColumns), new KeyColumns(child, childColumns), orderBy, Instant.EPOCH);
  }

  private void accept(NewRelationship candidate) {
    new DatabaseSchema(declared).requireAccepts(candidate, NAMES::get);
    declared.add(new Relationship(
        new RelationshipId(declared.size() + 1), candidate.projectId(), candidate.parent(), candidate.child(), candidate.orderBy(), candidate.createdAt()));
  }
}
