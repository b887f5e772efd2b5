package dev.doppel.domain.synthesis;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Hyper-parameters by the engine's names; values are Long, Double, Boolean or String. */
public record TrainingSettings(Map<String, Object> values) {
  public static final TrainingSettings NONE = new TrainingSettings(Map.of());

  public TrainingSettings {
    TreeMap<String, Object> copy = new TreeMap<>();
    values.forEach(
        (name, value) -> {
          if (!(value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof String)) {
            throw new IllegalArgumentException("setting " + name + " must be a whole number, a number, true/false or text");
          }
          copy.put(name, value);
        });
    values = Collections.unmodifiableMap(copy);
  }

  public Optional<Object> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public Optional<Long> integer(String name) {
    return get(name).filter(Long.class::isInstance).map(Long.class::cast);
  }
}
