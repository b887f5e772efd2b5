package dev.doppel.domain.dataset.profile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * The datetime layouts the platform recognises, each with its strftime name (the lingua franca
 * shared with the engine and the browser) and a strict parser. A cheap shape check runs before
 * any parsing so that non-dates cost almost nothing. Values with a UTC offset ({@code %z}: {@code Z},
 * {@code +01:00}, {@code +0100}) are read as the instant they name.
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
          OffsetDateTime parsed = OffsetDateTime.parse(text, parser);
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

  private static final String OFFSET = "(?:Z|[+-]\\d{2}:?\\d{2})";

  public static final List<Format> ALL =
      List.of(
          withTime("%Y-%m-%d %H:%M:%S", "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}", "uuuu-MM-dd HH:mm:ss"),
          withTime("%Y-%m-%dT%H:%M:%S", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}", "uuuu-MM-dd'T'HH:mm:ss"),
          withTime("%Y-%m-%dT%H:%M:%SZ", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z", "uuuu-MM-dd'T'HH:mm:ss'Z'"),
          withOffset("%Y-%m-%dT%H:%M:%S%z", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}" + OFFSET, "uuuu-MM-dd'T'HH:mm:ss"),
          withOffset("%Y-%m-%d %H:%M:%S%z", "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}" + OFFSET, "uuuu-MM-dd HH:mm:ss"),
          fractional("%Y-%m-%d %H:%M:%S.%f", "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{1,6}", "uuuu-MM-dd HH:mm:ss"),
          fractional("%Y-%m-%dT%H:%M:%S.%f", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{1,6}", "uuuu-MM-dd'T'HH:mm:ss"),
          withTime("%Y-%m-%d %H:%M", "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", "uuuu-MM-dd HH:mm"),
          dateOnly("%Y-%m-%d", "\\d{4}-\\d{2}-\\d{2}", "uuuu-MM-dd"),
          dateOnly("%Y/%m/%d", "\\d{4}/\\d{2}/\\d{2}", "uuuu/MM/dd"),
          dateOnly("%m/%d/%Y", "\\d{1,2}/\\d{1,2}/\\d{4}", "M/d/uuuu"),
          dateOnly("%d/%m/%Y", "\\d{1,2}/\\d{1,2}/\\d{4}", "d/M/uuuu"),
          dateOnly("%d.%m.%Y", "\\d{1,2}\\.\\d{1,2}\\.\\d{4}", "d.M.uuuu"),
          withTime("%m/%d/%Y %H:%M", "\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}", "M/d/uuuu H:mm"),
          withTime("%d/%m/%Y %H:%M", "\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}", "d/M/uuuu H:mm"),
          withTime("%m/%d/%Y %H:%M:%S", "\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2}", "M/d/uuuu H:mm:ss"),
          withTime("%d/%m/%Y %H:%M:%S", "\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2}", "d/M/uuuu H:mm:ss"));

  /** Every format's bit set: a value may still fit any of them. */
  public static final int ALL_CANDIDATES = (1 << ALL.size()) - 1;

  private DateTimeFormats() {}

  public static Optional<Format> byStrftime(String strftime) {
    return ALL.stream().filter(f -> f.strftime().equals(strftime)).findFirst();
  }

  private static Format withTime(String strftime, String shape, String pattern) {
    return new Format(strftime, Pattern.compile(shape), strict(pattern), true, false);
  }

  /** A local date-time followed by an offset written {@code Z}, {@code +01:00} or {@code +0100}. */
  private static Format withOffset(String strftime, String shape, String pattern) {
    DateTimeFormatter parser =
        new DateTimeFormatterBuilder()
            .appendPattern(pattern)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    return new Format(strftime, Pattern.compile(shape), parser, true, true);
  }

  private static Format dateOnly(String strftime, String shape, String pattern) {
    return new Format(strftime, Pattern.compile(shape), strict(pattern), false, false);
  }

  private static Format fractional(String strftime, String shape, String pattern) {
    DateTimeFormatter parser =
        new DateTimeFormatterBuilder()
            .appendPattern(pattern)
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 6, true)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);
    return new Format(strftime, Pattern.compile(shape), parser, true, false);
  }

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
  }
}
