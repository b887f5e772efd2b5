package dev.doppel.domain.synthesis;

import java.util.List;
import java.util.Objects;

/**
 * A relation the engine found between columns of the training rows (an order, a sum, a dependency,
 * …) and keeps when it generates, unless a generation switches it off.
 *
 * @param id stable within the model; what a generation names to switch the rule off
 * @param kind the engine's word for the sort of rule: order, linear, dependency, …
 * @param columns the columns it involves, the one it determines first
 * @param text the rule in plain words
 * @param realShare the share of training rows that keep it
 */
public record ModelRule(String id, String kind, List<String> columns, String text, double realShare) {
  public ModelRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a rule needs an id");
    }
    columns = List.copyOf(columns);
  }
}
