package dev.doppel.domain.schema;

import dev.doppel.domain.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A stored foreign key between two datasets of one project; see {@link NewRelationship}. */
public record Relationship(RelationshipId id, ProjectId projectId, KeyColumns parent, KeyColumns child, List<String> orderBy, Instant createdAt) {
  public Relationship {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(child, "child");
    orderBy = List.copyOf(Objects.requireNonNull(orderBy, "orderBy"));
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether the child rows under each parent form an ordered sequence. */
  public boolean sequential() {
    return !orderBy.isEmpty();
  }
}
