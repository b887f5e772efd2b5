package dev.doppel.domain.schema;

import dev.doppel.domain.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key about to be stored: each child row's {@code child} columns name one parent row by
 * its key, the {@code parent} columns, matched in order.
 *
 * @param orderBy child columns that order the rows under one parent as a sequence (a player's
 *     salaries by year); empty when the child rows under a parent have no order
 */
public record NewRelationship(ProjectId projectId, KeyColumns parent, KeyColumns child, List<String> orderBy, Instant createdAt) {
  public NewRelationship {
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(child, "child");
    orderBy = List.copyOf(Objects.requireNonNull(orderBy, "orderBy"));
    Objects.requireNonNull(createdAt, "createdAt");
    parent.requireWellFormed("parentColumns");
    child.requireWellFormed("childColumns");
    if (parent.columns().size() != child.columns().size()) {
      throw new InvalidSchemaException(
          "childColumns", "childColumns must name as many columns as parentColumns (" + parent.columns().size() + "), in the same order");
    }
    if (!orderBy.isEmpty()) {
      new KeyColumns(child.dataset(), orderBy).requireWellFormed("orderBy");
      if (orderBy.stream().anyMatch(child.columns()::contains)) {
        throw new InvalidSchemaException("orderBy", "orderBy must name child columns outside the foreign key: the key is the same on every row of a sequence");
      }
    }
  }
}
