package dev.doppel.domain.dataset.profile;

import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.ColumnType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/** Turns a raw cell into the value its column's type says it is. */
public final class TypedCell {
  private static final Set<String> TRUE_TOKENS = TableRules.SHARED.trueSpellings();

  private TypedCell() {}

  /** Long, Double, Boolean, ISO-8601 String for datetimes, String otherwise, or null. */
  public static Object of(String raw, ColumnProfile column) {
    if (NullTokens.isNull(raw)) {
      return null;
    }
    ColumnType type = column.type();
    try {
      return switch (type) {
        case INTEGER -> Long.parseLong(raw.startsWith("+") ? raw.substring(1) : raw);
        case FLOAT -> Double.parseDouble(raw);
        case BOOLEAN -> TRUE_TOKENS.contains(raw.toLowerCase(Locale.ROOT));
        case DATETIME -> isoDateTime(raw, column);
        case ID, CATEGORICAL, TEXT -> raw;
      };
    } catch (NumberFormatException e) {
      return raw;
    }
  }

  private static Object isoDateTime(String raw, ColumnProfile column) {
    return column
        .datetimeFormat()
        .flatMap(DateTimeFormats::byStrftime)
        .map(
            format -> {
              OptionalDouble seconds = format.epochSeconds(raw);
              if (seconds.isEmpty()) {
                return (Object) raw;
              }
              double value = seconds.getAsDouble();
              if (!format.hasTime()) {
                return LocalDate.ofEpochDay((long) Math.floor(value / 86_400)).toString();
              }
              Instant instant = Instant.ofEpochSecond((long) Math.floor(value), Math.round((value - Math.floor(value)) * 1e9));
              return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
            })
        .orElse(raw);
  }
}
