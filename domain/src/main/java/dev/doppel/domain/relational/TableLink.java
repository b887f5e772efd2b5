package dev.doppel.domain.relational;

import java.util.List;
import java.util.Objects;

/**
 * A relationship as a database model learned it, by table name: it stays what it was at training
 * time when the project's schema changes later.
 *
 * @param orderBy the child's columns its rows under one parent are ordered by; empty when unordered
 */
public record TableLink(String parentTable, List<String> parentColumns, String childTable, List<String> childColumns, List<String> orderBy) {
  public TableLink {
    Objects.requireNonNull(parentTable, "parentTable");
    Objects.requireNonNull(childTable, "childTable");
    parentColumns = List.copyOf(parentColumns);
    childColumns = List.copyOf(childColumns);
    orderBy = List.copyOf(orderBy);
  }
}
