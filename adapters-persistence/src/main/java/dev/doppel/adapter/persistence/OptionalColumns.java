package dev.doppel.adapter.persistence;

import java.time.Instant;
import java.util.Optional;

/** Nullable columns on one side, Optional fields of the domain records on the other. */
public final class OptionalColumns {
  private OptionalColumns() {}

  public static Optional<String> toText(String value) {
    return Optional.ofNullable(value);
  }

  public static String fromText(Optional<String> value) {
    return value.orElse(null);
  }

  public static Optional<Long> toLong(Long value) {
    return Optional.ofNullable(value);
  }

  public static Long fromLong(Optional<Long> value) {
    return value.orElse(null);
  }

  public static Optional<Instant> toTime(Instant instant) {
    return Optional.ofNullable(TimeColumns.toMicros(instant));
  }

  public static Instant fromTime(Optional<Instant> instant) {
    return TimeColumns.toMicros(instant.orElse(null));
  }
}
