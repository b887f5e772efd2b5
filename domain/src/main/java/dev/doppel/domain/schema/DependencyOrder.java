package dev.doppel.domain.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Tables ordered parents first, so that each comes after every table it references: the order to
 * create, fill or generate them in.
 *
 * @param <T> the tables, in whatever form the caller holds them
 * @param ordered each table after its parents; among tables that are ready together, the given order
 * @param inCycle the tables left over because their references form a cycle, in the given order
 */
public record DependencyOrder<T>(List<T> ordered, List<T> inCycle) {
  public DependencyOrder {
    ordered = List.copyOf(ordered);
    inCycle = List.copyOf(inCycle);
  }

  /**
   * @param name a table's name (or id), as its references name it
   * @param parents the names of the tables it references; names of tables not given, and its own
   *     name, are ignored
   */
  public static <T, N> DependencyOrder<T> of(List<T> tables, Function<T, N> name, Function<T, Collection<N>> parents) {
    Set<N> given = new HashSet<>();
    tables.forEach(table -> given.add(name.apply(table)));
    List<T> ordered = new ArrayList<>();
    List<T> waiting = new ArrayList<>(tables);
    Set<N> placed = new HashSet<>();
    boolean progressed = true;
    while (progressed) {
      progressed = false;
      for (T table : waiting) {
        N own = name.apply(table);
        if (parents.apply(table).stream().allMatch(parent -> parent.equals(own) || !given.contains(parent) || placed.contains(parent))) {
          ordered.add(table);
          placed.add(own);
          waiting.remove(table);
          progressed = true;
          break;
        }
      }
    }
    return new DependencyOrder<>(ordered, waiting);
  }
}
