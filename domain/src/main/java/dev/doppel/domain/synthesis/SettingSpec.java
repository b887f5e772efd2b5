package dev.doppel.domain.synthesis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One setting an algorithm accepts, as its engine describes it. */
public record SettingSpec(
    String name,
    SettingType type,
    Optional<Object> defaultValue,
    Optional<Double> minimum,
    Optional<Double> maximum,
    Optional<Long> multipleOf,
    List<String> allowed,
    String description) {

  public enum SettingType {
    INTEGER,
    NUMBER,
    BOOLEAN,
    STRING
  }

  /** The longest text value any setting takes; settings are stored with the model. */
  public static final int MAX_TEXT_LENGTH = 200;

  public SettingSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    allowed = List.copyOf(allowed);
    description = description == null ? "" : description;
  }

  /** The value in its canonical Java type, or an explanation naming the setting. */
  public Object check(Object value) {
    Object typed =
        switch (type) {
          case INTEGER -> {
            if (value instanceof Long || value instanceof Integer) {
              yield ((Number) value).longValue();
            }
            if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
              yield d.longValue();
            }
            throw invalid("must be a whole number", value);
          }
          case NUMBER -> {
            if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
              yield n.doubleValue();
            }
            throw invalid("must be a number", value);
          }
          case BOOLEAN -> {
            if (value instanceof Boolean b) {
              yield b;
            }
            throw invalid("must be true or false", value);
          }
          case STRING -> {
            if (value instanceof String s) {
              if (s.length() > MAX_TEXT_LENGTH) {
                throw new InvalidSettingsException(name, name + " must be at most " + MAX_TEXT_LENGTH + " characters (got " + s.length() + ")");
              }
              if (!allowed.isEmpty() && !allowed.contains(s)) {
                throw invalid("must be one of " + String.join(", ", allowed), value);
              }
              yield s;
            }
            throw invalid("must be text", value);
          }
        };
    if (typed instanceof Number n) {
      double v = n.doubleValue();
      minimum.filter(min -> v < min).ifPresent(min -> {
        throw invalid("must be at least " + plain(min), value);
      });
      maximum.filter(max -> v > max).ifPresent(max -> {
        throw invalid("must be at most " + plain(max), value);
      });
      multipleOf.filter(m -> typed instanceof Long l && l % m != 0).ifPresent(m -> {
        throw invalid("must be a multiple of " + m, value);
      });
    }
    return typed;
  }

  private InvalidSettingsException invalid(String rule, Object value) {
    return new InvalidSettingsException(name, name + " " + rule + " (got " + value + ")");
  }

  static String plain(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
