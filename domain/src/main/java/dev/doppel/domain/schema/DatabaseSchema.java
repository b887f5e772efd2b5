package dev.doppel.domain.schema;

import dev.doppel.domain.dataset.DatasetId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The relationships declared in one project, and the rules they follow together: no cycle (the
 * engines generate parents before children), one primary key per table, one sequence per child.
 */
public record DatabaseSchema(List<Relationship> relationships) {
  public DatabaseSchema {
    relationships = List.copyOf(Objects.requireNonNull(relationships, "relationships"));
  }

  /**
   * Refuses a relationship that the schema cannot take beside the ones it holds.
   *
   * @param tableName the name of a dataset, for messages
   * @throws InvalidSchemaException naming the table and columns at fault
   */
  public void requireAccepts(NewRelationship candidate, Function<DatasetId, String> tableName) {
    String child = tableName.apply(candidate.child().dataset());
    String parent = tableName.apply(candidate.parent().dataset());
    String link = child + "(" + String.join(", ", candidate.child().columns()) + ") → " + parent + "(" + String.join(", ", candidate.parent().columns()) + ")";
    if (candidate.child().dataset().equals(candidate.parent().dataset())) {
      throw new InvalidSchemaException("childColumns", link + " links " + child + " to itself: a cycle, which the engines cannot model (they generate parents before children)");
    }
    for (Relationship existing : relationships) {
      if (existing.child().equals(candidate.child()) && existing.parent().dataset().equals(candidate.parent().dataset())) {
        throw new InvalidSchemaException("childColumns", link + " is declared already");
      }
    }
    List<DatasetId> path = pathDown(candidate.child().dataset(), candidate.parent().dataset());
    if (!path.isEmpty()) {
      List<String> names = new ArrayList<>();
      names.add(parent);
      path.forEach(d -> names.add(tableName.apply(d)));
      throw new InvalidSchemaException(
          "childColumns",
          link + " would close the cycle " + String.join(" → ", names) + " (parent → child), which the engines cannot model (they generate parents before children)");
    }
    primaryKeyOf(candidate.parent().dataset())
        .filter(key -> !key.equals(candidate.parent().columns()))
        .ifPresent(key -> {
          throw new InvalidSchemaException(
              "parentColumns",
              parent + " is referenced by its key (" + String.join(", ", key) + ") already; a table has one primary key, so "
                  + link + " must reference those columns");
        });
    if (!candidate.orderBy().isEmpty()) {
      relationships.stream()
          .filter(r -> r.child().dataset().equals(candidate.child().dataset()) && r.sequential())
          .findFirst()
          .ifPresent(r -> {
            throw new InvalidSchemaException(
                "orderBy", child + " is a sequence under " + tableName.apply(r.parent().dataset()) + " already; a table is ordered under one parent only");
          });
    }
  }

  /** The key other tables reference, when any does. */
  public Optional<List<String>> primaryKeyOf(DatasetId table) {
    return relationships.stream().filter(r -> r.parent().dataset().equals(table)).map(r -> r.parent().columns()).findFirst();
  }

  /** The given tables, each after every table it references (parents first); ties keep the given order. */
  public List<DatasetId> inDependencyOrder(List<DatasetId> tables) {
    DependencyOrder<DatasetId> order =
        DependencyOrder.of(
            tables, table -> table, table -> relationships.stream().filter(r -> r.child().dataset().equals(table)).map(r -> r.parent().dataset()).toList());
    if (!order.inCycle().isEmpty()) {
      throw new IllegalStateException("the relationships hold a cycle");
    }
    return order.ordered();
  }

  /** A chain of parent → child links from {@code from} down to {@code to}, ending with {@code to}; empty when there is none. */
  private List<DatasetId> pathDown(DatasetId from, DatasetId to) {
    Map<DatasetId, DatasetId> reachedFrom = new HashMap<>();
    Deque<DatasetId> open = new ArrayDeque<>(List.of(from));
    Set<DatasetId> seen = new HashSet<>(List.of(from));
    while (!open.isEmpty()) {
      DatasetId table = open.poll();
      if (table.equals(to)) {
        List<DatasetId> path = new ArrayList<>();
        for (DatasetId step = to; step != null; step = reachedFrom.get(step)) {
          path.add(0, step);
        }
        return path;
      }
      for (Relationship r : relationships) {
        if (r.parent().dataset().equals(table) && seen.add(r.child().dataset())) {
          reachedFrom.put(r.child().dataset(), table);
          open.add(r.child().dataset());
        }
      }
    }
    return List.of();
  }
}
