package dev.doppel.domain.dataset.profile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The datetime layouts of {@link TableRules}, each with its strftime name (the lingua franca
 * shared with the engine and the browser) and a strict parser. A cheap shape check runs before
 * any parsing so that non-dates cost almost nothing. Values with a UTC offset ({@code %z}: {@code Z},
 * {@code +01:00}, {@code +0100}) or a zone name ({@code %Z}) are read as the instant they name.
 */
public final class DateTimeFormats {

  public record Format(String strftime, Pattern shape, DateTimeFormatter parser, boolean hasTime, boolean hasOffset) {
    /** Seconds since the epoch (UTC) of a value in this layout, if it is a real date. */
    public OptionalDouble epochSeconds(String text) {
      if (!shape.matcher(text).matches()) {
        return OptionalDouble.empty();
      }
      try {
        if (hasOffset) {
          ZonedDateTime parsed = ZonedDateTime.parse(text, parser);
          return OptionalDouble.of(parsed.toEpochSecond() + parsed.getNano() / 1e9);
        }
        if (hasTime) {
          LocalDateTime parsed = LocalDateTime.parse(text, parser);
          return OptionalDouble.of(parsed.toEpochSecond(ZoneOffset.UTC) + parsed.getNano() / 1e9);
        }
        return OptionalDouble.of(LocalDate.parse(text, parser).toEpochDay() * 86_400d);
      } catch (DateTimeParseException e) {
        return OptionalDouble.empty();
      }
    }
  }

  private static final String FRACTION = "{fraction}";

  public static final List<Format> ALL = TableRules.SHARED.datetimeLayouts().stream().map(DateTimeFormats::format).toList();

  /** Every format's bit set: a value may still fit any of them. */
  public static final int ALL_CANDIDATES = (1 << ALL.size()) - 1;

  private DateTimeFormats() {}

  public static Optional<Format> byStrftime(String strftime) {
    return ALL.stream().filter(f -> f.strftime().equals(strftime)).findFirst();
  }

  private static Format format(TableRules.DatetimeLayout layout) {
    String strftime = layout.strftime();
    boolean hasOffset = strftime.contains("%z") || strftime.contains("%Z");
    return new Format(strftime, Pattern.compile(layout.shape()), parser(layout.java()), strftime.contains("%H"), hasOffset);
  }

  private static DateTimeFormatter parser(String pattern) {
    DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
    int fraction = pattern.indexOf(FRACTION);
    if (fraction < 0) {
      builder.appendPattern(pattern);
    } else {
      builder
          .appendPattern(pattern.substring(0, fraction))
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 6, true)
          .appendPattern(pattern.substring(fraction + FRACTION.length()));
    }
    return builder.toFormatter().withResolverStyle(ResolverStyle.STRICT);
  }
}
