package dev.doppel.application.port.in;

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
}
