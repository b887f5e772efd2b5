package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.profile.TableRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Turns value-object construction failures into errors that name the request field. */
final class Require {
  private Require() {}

  static <T> T field(String field, Supplier<T> construct) {
    try {
      return construct.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, field + ": " + e.getMessage());
    }
  }

  static <T> T present(String field, T value) {
    if (value == null) {
      throw new InvalidInputException(field, field + " is required");
    }
    return value;
  }

  /** A seed within the range the engine accepts, from the shared table rules. */
  static Optional<Long> seed(Optional<Long> seed) {
    if (seed == null) {
      return Optional.empty();
    }
    TableRules.SeedRange seeds = TableRules.SHARED.seed();
    seed.filter(s -> s < seeds.min() || s > seeds.max()).ifPresent(s -> {
      throw new InvalidInputException("seed", "seed must be between " + seeds.min() + " and " + seeds.max());
    });
    return seed;
  }

  /** The ids of rules switched off, each once; none when the field is left out. */
  static List<String> ruleIds(List<String> rulesOff) {
    if (rulesOff == null) {
      return List.of();
    }
    if (rulesOff.stream().anyMatch(Objects::isNull)) {
      throw new InvalidInputException("rulesOff", "rulesOff must list rule ids, not null");
    }
    return rulesOff.stream().distinct().toList();
  }

  /** Column names as given, in order; {@code required} fields must be present. */
  static List<String> columnNames(String field, List<String> names, boolean required) {
    if (names == null) {
      if (required) {
        throw new InvalidInputException(field, field + " is required: a list of column names");
      }
      return List.of();
    }
    if (names.stream().anyMatch(Objects::isNull)) {
      throw new InvalidInputException(field, field + " must list column names, not null");
    }
    return List.copyOf(names);
  }

  /** Settings by name under {@code field}; none when the field is left out. A name without a value is refused naming it. */
  static Map<String, Object> settings(String field, Map<String, Object> settings) {
    if (settings == null) {
      return Map.of();
    }
    settings.forEach((name, value) -> {
      if (value == null) {
        throw new InvalidInputException(field + "." + name, field + "." + name + " needs a value; leave it out for its default");
      }
    });
    return Map.copyOf(settings);
  }
}
