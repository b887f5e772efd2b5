package dev.doppel.adapter.files.export;

import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.profile.DateTimeFormats;
import dev.doppel.domain.dataset.profile.NullTokens;
import dev.doppel.domain.dataset.profile.NumberShape;
import dev.doppel.domain.dataset.profile.TableRules;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;

/**
 * One column of an export and how its raw text becomes a typed value. {@link #typed(String)} gives
 * {@code null} (a null token, or a float that is not finite), a {@link Long}, {@link Double},
 * {@link Boolean}, {@link LocalDateTime}, {@link LocalDate} or {@link String} as the column's kind
 * says, or a {@link Mismatch} when the text does not fit the kind.
 *
 * <p>The rules follow the profiler's, so that every value of a profiled file fits: integers are an
 * optional sign and up to 18 digits, floats also take a fraction and an exponent (NaN and infinity
 * in any spelling become null), booleans are true/false, yes/no, y/n, t/f or 1/0 in any case, and
 * datetimes are parsed strictly in the column's strftime layout.
 */
final class ExportColumn {
  /** What the exporters write; a datetime column whose layout has no time of day holds dates. */
  enum Kind {
    INTEGER,
    FLOAT,
    BOOLEAN,
    DATETIME,
    DATE,
    TEXT
  }

  private static final Set<String> TRUE_TOKENS = TableRules.SHARED.trueSpellings();
  private static final Set<String> FALSE_TOKENS = TableRules.SHARED.falseSpellings();
  private static final int LONGEST_BOOLEAN = TableRules.SHARED.longestBooleanSpelling();
  private static final Set<String> NOT_FINITE =
      Set.of("nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity");

  private final String name;
  private final ColumnType type;
  private final Kind kind;
  private final DateTimeFormats.Format format;
  private final IsoLayout fastLayout;
  private final boolean fractionalSeconds;

  private ExportColumn(String name, ColumnType type, Kind kind, DateTimeFormats.Format format) {
    this.name = name;
    this.type = type;
    this.kind = kind;
    this.format = format;
    this.fastLayout = format == null ? null : IsoLayout.of(format.strftime());
    this.fractionalSeconds = format != null && format.strftime().contains("%f");
  }

  static ExportColumn of(ColumnSchema schema) {
    return switch (schema.type()) {
      case INTEGER -> new ExportColumn(schema.name(), schema.type(), Kind.INTEGER, null);
      case FLOAT -> new ExportColumn(schema.name(), schema.type(), Kind.FLOAT, null);
      case BOOLEAN -> new ExportColumn(schema.name(), schema.type(), Kind.BOOLEAN, null);
      case DATETIME -> {
        String strftime =
            schema
                .datetimeFormat()
                .orElseThrow(() -> new IllegalArgumentException("datetime column '" + schema.name() + "' has no datetime format"));
        DateTimeFormats.Format format =
            DateTimeFormats.byStrftime(strftime)
                .orElseThrow(
                    () -> new IllegalArgumentException("datetime column '" + schema.name() + "' has an unknown format '" + strftime + "'"));
        yield new ExportColumn(schema.name(), schema.type(), format.hasTime() ? Kind.DATETIME : Kind.DATE, format);
      }
      case ID, CATEGORICAL, TEXT -> new ExportColumn(schema.name(), schema.type(), Kind.TEXT, null);
    };
  }

  String name() {
    return name;
  }

  ColumnType type() {
    return type;
  }

  Kind kind() {
    return kind;
  }

  /** Whether this datetime column's layout has fractions of a second: its values print six digits. */
  boolean fractionalSeconds() {
    return fractionalSeconds;
  }

  /** The typed value of a raw cell; see the class comment. */
  Object typed(String raw) {
    if (NullTokens.isNull(raw)) {
      return null;
    }
    return switch (kind) {
      case INTEGER -> integer(raw);
      case FLOAT -> decimal(raw);
      case BOOLEAN -> bool(raw);
      case DATETIME, DATE -> datetime(raw);
      case TEXT -> raw;
    };
  }

  private static Object integer(String raw) {
    // The profiler's number shapes; Long.parseLong then refuses fractions and exponents.
    if (NumberShape.of(raw) == NumberShape.NONE) {
      return new Mismatch(raw);
    }
    try {
      return Long.parseLong(raw.charAt(0) == '+' ? raw.substring(1) : raw);
    } catch (NumberFormatException e) {
      return new Mismatch(raw);
    }
  }

  private static Object decimal(String raw) {
    if (NumberShape.of(raw) != NumberShape.NONE) {
      double value = Double.parseDouble(raw);
      return Double.isFinite(value) ? value : null;
    }
    return raw.length() <= 9 && NOT_FINITE.contains(raw.toLowerCase(Locale.ROOT)) ? null : new Mismatch(raw);
  }

  private static Object bool(String raw) {
    if (raw.length() <= LONGEST_BOOLEAN) {
      String lower = raw.toLowerCase(Locale.ROOT);
      if (TRUE_TOKENS.contains(lower)) {
        return Boolean.TRUE;
      }
      if (FALSE_TOKENS.contains(lower)) {
        return Boolean.FALSE;
      }
    }
    return new Mismatch(raw);
  }

  private Object datetime(String raw) {
    try {
      if (fastLayout != null) {
        Object value = fastLayout.parse(raw);
        return value == null ? new Mismatch(raw) : value;
      }
      if (!format.shape().matcher(raw).matches()) {
        return new Mismatch(raw);
      }
      return kind == Kind.DATE ? LocalDate.parse(raw, format.parser()) : LocalDateTime.parse(raw, format.parser());
    } catch (DateTimeException e) {
      return new Mismatch(raw);
    }
  }

  /**
   * A hand-written parser for the ISO-like layouts most files use, because {@code
   * DateTimeFormatter} costs about a microsecond a value and a large export holds millions.
   * Validation of the calendar is left to {@link LocalDateTime#of}, as strict as the formatters.
   */
  private record IsoLayout(char separator, boolean hasTime, boolean fraction) {
    static IsoLayout of(String strftime) {
      return switch (strftime) {
        case "%Y-%m-%d" -> new IsoLayout(' ', false, false);
        case "%Y-%m-%d %H:%M:%S" -> new IsoLayout(' ', true, false);
        case "%Y-%m-%dT%H:%M:%S" -> new IsoLayout('T', true, false);
        case "%Y-%m-%d %H:%M:%S.%f" -> new IsoLayout(' ', true, true);
        case "%Y-%m-%dT%H:%M:%S.%f" -> new IsoLayout('T', true, true);
        default -> null;
      };
    }

    /** The value, or null when the text has another shape; throws when the calendar refuses it. */
    Object parse(String s) {
      int n = s.length();
      if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
        return null;
      }
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 2);
      int day = digits(s, 8, 2);
      if ((year | month | day) < 0) {
        return null;
      }
      if (!hasTime) {
        return n == 10 ? LocalDate.of(year, month, day) : null;
      }
      if (n < 19 || s.charAt(10) != separator || s.charAt(13) != ':' || s.charAt(16) != ':') {
        return null;
      }
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = digits(s, 17, 2);
      if ((hour | minute | second) < 0) {
        return null;
      }
      int nanos = 0;
      if (fraction) {
        int count = n - 20;
        if (count < 1 || count > 6 || s.charAt(19) != '.') {
          return null;
        }
        int value = digits(s, 20, count);
        if (value < 0) {
          return null;
        }
        for (int i = count; i < 9; i++) {
          value *= 10;
        }
        nanos = value;
      } else if (n != 19) {
        return null;
      }
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    }

    private static int digits(String s, int from, int count) {
      int value = 0;
      for (int i = from; i < from + count; i++) {
        char c = s.charAt(i);
        if (!isDigit(c)) {
          return -1;
        }
        value = value * 10 + (c - '0');
      }
      return value;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
