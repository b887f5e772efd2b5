package dev.doppel.adapter.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamp columns hold microseconds (TIMESTAMP(6)). Truncating before writing makes what a
 * store returns from {@code add} equal to what it reads back later, and stops MySQL from rounding.
 */
public final class TimeColumns {
  private TimeColumns() {}

  public static Instant toMicros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
