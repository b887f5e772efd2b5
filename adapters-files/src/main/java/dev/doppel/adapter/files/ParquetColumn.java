package dev.doppel.adapter.files;

import dev.doppel.domain.dataset.profile.InvalidTableException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.Float16LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.ListLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.MapLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.UUIDLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * One flat Parquet column and how its values become canonical text: integers as digits, floats as
 * Java prints them, dates as {@code yyyy-MM-dd}, timestamps as {@code yyyy-MM-dd HH:mm:ss} in UTC
 * (with six fraction digits when the column has sub-second values), decimals in plain notation.
 */
final class ParquetColumn {
  enum Kind {
    INT32,
    UINT32,
    INT64,
    UINT64,
    FLOAT,
    DOUBLE,
    BOOLEAN,
    TEXT,
    BYTES,
    UUID,
    FLOAT16,
    DECIMAL,
    DATE,
    TIME_MILLIS,
    TIME_MICROS,
    TIME_NANOS,
    TIMESTAMP_MILLIS,
    TIMESTAMP_MICROS,
    TIMESTAMP_NANOS,
    INT96_TIMESTAMP;

    boolean isTimestamp() {
      return this == TIMESTAMP_MILLIS || this == TIMESTAMP_MICROS || this == TIMESTAMP_NANOS || this == INT96_TIMESTAMP;
    }
  }

  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588;
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private final String name;
  private final Kind kind;
  private final PrimitiveType.PrimitiveTypeName storage;
  private final int scale;
  private boolean fractionalSeconds;

  private ParquetColumn(String name, Kind kind, PrimitiveType.PrimitiveTypeName storage, int scale) {
    this.name = name;
    this.kind = kind;
    this.storage = storage;
    this.scale = scale;
  }

  /** The column for a top-level field, refusing anything but a single primitive value per row. */
  static ParquetColumn of(Type field) {
    String name = field.getName();
    if (!field.isPrimitive()) {
      LogicalTypeAnnotation annotation = field.getLogicalTypeAnnotation();
      String what =
          annotation instanceof ListLogicalTypeAnnotation
              ? "a list"
              : annotation instanceof MapLogicalTypeAnnotation ? "a map" : "a group of fields";
      throw nested(name, what);
    }
    if (field.isRepetition(Type.Repetition.REPEATED)) {
      throw nested(name, "a repeated field");
    }
    PrimitiveType primitive = field.asPrimitiveType();
    LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
    int scale = annotation instanceof DecimalLogicalTypeAnnotation decimal ? decimal.getScale() : 0;
    return new ParquetColumn(name, kindOf(primitive, annotation), primitive.getPrimitiveTypeName(), scale);
  }

  private static InvalidTableException nested(String name, String what) {
    return new InvalidTableException("file", "column '" + name + "' is nested (" + what + "); only flat tables are supported");
  }

  private static Kind kindOf(PrimitiveType primitive, LogicalTypeAnnotation annotation) {
    if (annotation instanceof DecimalLogicalTypeAnnotation) {
      return Kind.DECIMAL;
    }
    return switch (primitive.getPrimitiveTypeName()) {
      case INT32 -> {
        if (annotation instanceof DateLogicalTypeAnnotation) {
          yield Kind.DATE;
        }
        if (annotation instanceof TimeLogicalTypeAnnotation) {
          yield Kind.TIME_MILLIS;
        }
        yield annotation instanceof IntLogicalTypeAnnotation i && !i.isSigned() ? Kind.UINT32 : Kind.INT32;
      }
      case INT64 -> {
        if (annotation instanceof TimestampLogicalTypeAnnotation timestamp) {
          yield switch (timestamp.getUnit()) {
            case MILLIS -> Kind.TIMESTAMP_MILLIS;
            case MICROS -> Kind.TIMESTAMP_MICROS;
            case NANOS -> Kind.TIMESTAMP_NANOS;
          };
        }
        if (annotation instanceof TimeLogicalTypeAnnotation time) {
          yield time.getUnit() == TimeUnit.NANOS ? Kind.TIME_NANOS : Kind.TIME_MICROS;
        }
        yield annotation instanceof IntLogicalTypeAnnotation i && !i.isSigned() ? Kind.UINT64 : Kind.INT64;
      }
      case INT96 -> Kind.INT96_TIMESTAMP;
      case FLOAT -> Kind.FLOAT;
      case DOUBLE -> Kind.DOUBLE;
      case BOOLEAN -> Kind.BOOLEAN;
      case BINARY, FIXED_LEN_BYTE_ARRAY -> {
        if (annotation instanceof StringLogicalTypeAnnotation
            || annotation instanceof EnumLogicalTypeAnnotation
            || annotation instanceof JsonLogicalTypeAnnotation) {
          yield Kind.TEXT;
        }
        if (annotation instanceof UUIDLogicalTypeAnnotation) {
          yield Kind.UUID;
        }
        if (annotation instanceof Float16LogicalTypeAnnotation) {
          yield Kind.FLOAT16;
        }
        yield Kind.BYTES;
      }
    };
  }

  String name() {
    return name;
  }

  Kind kind() {
    return kind;
  }

  /** The physical type the values are stored as (decimals may be INT32, INT64 or bytes). */
  PrimitiveType.PrimitiveTypeName storage() {
    return storage;
  }

  /**
   * Whether timestamps print a fraction. Decided once per column, so that every value of a column
   * shares one layout (a column mixing layouts would not be recognised as datetimes).
   */
  void fractionalSeconds(boolean fractional) {
    this.fractionalSeconds = fractional;
  }

  String ofInt(int value) {
    return switch (kind) {
      case UINT32 -> Integer.toUnsignedString(value);
      case DATE -> date(value);
      case TIME_MILLIS -> time(value * 1_000_000L);
      case DECIMAL -> BigDecimal.valueOf(value, scale).toPlainString();
      default -> Integer.toString(value);
    };
  }

  String ofLong(long value) {
    return switch (kind) {
      case UINT64 -> Long.toUnsignedString(value);
      case DECIMAL -> BigDecimal.valueOf(value, scale).toPlainString();
      case TIME_MICROS -> time(value * 1_000L);
      case TIME_NANOS -> time(value);
      case TIMESTAMP_MILLIS -> timestamp(Math.floorDiv(value, 1_000L), (int) Math.floorMod(value, 1_000L) * 1_000_000);
      case TIMESTAMP_MICROS -> timestamp(Math.floorDiv(value, 1_000_000L), (int) Math.floorMod(value, 1_000_000L) * 1_000);
      case TIMESTAMP_NANOS -> timestamp(Math.floorDiv(value, 1_000_000_000L), (int) Math.floorMod(value, 1_000_000_000L));
      default -> Long.toString(value);
    };
  }

  String ofFloat(float value) {
    return Float.toString(value);
  }

  String ofDouble(double value) {
    return Double.toString(value);
  }

  String ofBoolean(boolean value) {
    return value ? "true" : "false";
  }

  String ofBinary(Binary value) {
    return switch (kind) {
      case TEXT -> value.toStringUsingUTF8();
      case DECIMAL -> new BigDecimal(new BigInteger(value.getBytes()), scale).toPlainString();
      case UUID -> uuid(value.toByteBuffer());
      case FLOAT16 -> value.length() == 2 ? Float.toString(halfToFloat(value.get2BytesLittleEndian())) : bytes(value);
      case INT96_TIMESTAMP -> int96(value);
      default -> bytes(value);
    };
  }

  /** Sub-second part of a timestamp value, for deciding whether the column prints fractions. */
  boolean hasFraction(long value) {
    return switch (kind) {
      case TIMESTAMP_MILLIS -> value % 1_000L != 0;
      case TIMESTAMP_MICROS -> value % 1_000_000L != 0;
      case TIMESTAMP_NANOS -> value % 1_000_000_000L != 0;
      default -> false;
    };
  }

  boolean hasFraction(Binary int96) {
    return kind == Kind.INT96_TIMESTAMP && int96.length() == 12 && int96NanosOfDay(int96) % 1_000_000_000L != 0;
  }

  private String int96(Binary value) {
    if (value.length() != 12) {
      return bytes(value);
    }
    ByteBuffer buffer = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buffer.getLong(buffer.position());
    long julianDay = Integer.toUnsignedLong(buffer.getInt(buffer.position() + 8));
    long epochNanosOfDay = Math.floorMod(nanosOfDay, NANOS_PER_DAY);
    long days = julianDay - JULIAN_DAY_OF_EPOCH + Math.floorDiv(nanosOfDay, NANOS_PER_DAY);
    return timestamp(days * 86_400 + epochNanosOfDay / 1_000_000_000L, (int) (epochNanosOfDay % 1_000_000_000L));
  }

  private static long int96NanosOfDay(Binary value) {
    ByteBuffer buffer = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    return buffer.getLong(buffer.position());
  }

  private static String date(int epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      return date.toString();
    }
    StringBuilder out = new StringBuilder(10);
    pad(out, year, 4).append('-');
    pad(out, date.getMonthValue(), 2).append('-');
    return pad(out, date.getDayOfMonth(), 2).toString();
  }

  private String timestamp(long epochSecond, int nanos) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, nanos, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(26);
    int year = time.getYear();
    if (year < 0 || year > 9999) {
      out.append(time.toLocalDate());
    } else {
      pad(out, year, 4).append('-');
      pad(out, time.getMonthValue(), 2).append('-');
      pad(out, time.getDayOfMonth(), 2);
    }
    out.append(' ');
    pad(out, time.getHour(), 2).append(':');
    pad(out, time.getMinute(), 2).append(':');
    pad(out, time.getSecond(), 2);
    if (fractionalSeconds) {
      // Six digits, as strftime's %f: nanoseconds beyond the microsecond are dropped.
      out.append('.');
      pad(out, nanos / 1_000, 6);
    }
    return out.toString();
  }

  private static String time(long nanosOfDay) {
    long nanos = Math.floorMod(nanosOfDay, NANOS_PER_DAY);
    long seconds = nanos / 1_000_000_000L;
    int fraction = (int) (nanos % 1_000_000_000L);
    StringBuilder out = new StringBuilder(15);
    pad(out, (int) (seconds / 3600), 2).append(':');
    pad(out, (int) (seconds / 60 % 60), 2).append(':');
    pad(out, (int) (seconds % 60), 2);
    if (fraction != 0) {
      out.append('.');
      pad(out, fraction / 1_000, 6);
    }
    return out.toString();
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }

  private static String uuid(ByteBuffer bytes) {
    if (bytes.remaining() != 16) {
      return HexFormat.of().formatHex(toArray(bytes));
    }
    return new UUID(bytes.getLong(bytes.position()), bytes.getLong(bytes.position() + 8)).toString();
  }

  /** Unannotated bytes: their text when they are valid UTF-8, else lower-case hex. */
  private static String bytes(Binary value) {
    ByteBuffer buffer = value.toByteBuffer();
    try {
      CharBuffer text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(buffer.duplicate());
      return text.toString();
    } catch (CharacterCodingException e) {
      return HexFormat.of().formatHex(toArray(buffer));
    }
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] array = new byte[buffer.remaining()];
    buffer.duplicate().get(array);
    return array;
  }

  /** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
  static float halfToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      float value = mantissa * 0x1p-24f;
      return sign == 0 ? value : -value;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
}
