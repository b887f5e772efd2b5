package dev.doppel.adapter.database;

import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.profile.DateTimeFormats;
import dev.doppel.domain.dataset.profile.NullTokens;
import dev.doppel.domain.dataset.profile.NumberShape;
import dev.doppel.domain.dataset.profile.TableRules;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One column of a table being written: its SQL type, and how a text cell becomes the value bound
 * to an {@code INSERT}, by the profiler's rules (null tokens, number shapes, boolean spellings,
 * the column's datetime layout). Not-finite floats are stored as NULL; datetimes with an offset
 * as the UTC time they name.
 */
final class ColumnBinding {
  private final String table;
  private final ColumnSchema column;
  private final DateTimeFormats.Format format;
  private final Dialect dialect;

  ColumnBinding(String table, ColumnSchema column, Dialect dialect) {
    this.table = table;
    this.column = column;
    this.dialect = dialect;
    this.format = column.type() == ColumnType.DATETIME ? datetimeFormat(table, column) : null;
  }

  private static DateTimeFormats.Format datetimeFormat(String table, ColumnSchema column) {
    String strftime = column.datetimeFormat()
        .orElseThrow(() -> new IllegalArgumentException("datetime column " + table + "." + column.name() + " has no datetime format"));
    return DateTimeFormats.byStrftime(strftime)
        .orElseThrow(() -> new IllegalArgumentException("datetime column " + table + "." + column.name() + " has an unknown format '" + strftime + "'"));
  }

  String name() {
    return column.name();
  }

  String sqlType(boolean key) {
    return dialect.columnType(column.type(), key, format != null && format.hasTime());
  }

  /**
   * @param row the row's number among the table's rows, from 1, for the message when the cell does not fit
   */
  void bind(PreparedStatement insert, int index, String raw, long row) throws SQLException {
    if (raw == null || NullTokens.isNull(raw)) {
      insert.setNull(index, jdbcType());
      return;
    }
    switch (column.type()) {
      case INTEGER -> insert.setLong(index, integer(raw, row));
      case FLOAT -> {
        double value = decimal(raw, row);
        if (Double.isFinite(value)) {
          insert.setDouble(index, value);
        } else {
          insert.setNull(index, Types.DOUBLE);
        }
      }
      case BOOLEAN -> insert.setBoolean(index, bool(raw, row));
      case DATETIME -> insert.setObject(index, datetime(raw, row));
      case ID, CATEGORICAL, TEXT -> insert.setString(index, dialect.storable(raw));
    }
  }

  private int jdbcType() {
    return switch (column.type()) {
      case INTEGER -> Types.BIGINT;
      case FLOAT -> Types.DOUBLE;
      case BOOLEAN -> Types.BOOLEAN;
      case DATETIME -> format.hasTime() ? Types.TIMESTAMP : Types.DATE;
      case ID, CATEGORICAL, TEXT -> Types.VARCHAR;
    };
  }

  private long integer(String raw, long row) {
    if (NumberShape.of(raw) == NumberShape.INTEGER) {
      return Long.parseLong(raw.charAt(0) == '+' ? raw.substring(1) : raw);
    }
    throw misfit(raw, row, "an integer");
  }

  private double decimal(String raw, long row) {
    if (NumberShape.of(raw) != NumberShape.NONE) {
      return Double.parseDouble(raw);
    }
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "nan", "+nan", "-nan", "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> throw misfit(raw, row, "a number");
    };
  }

  private boolean bool(String raw, long row) {
    String lower = raw.toLowerCase(Locale.ROOT);
    if (TableRules.SHARED.trueSpellings().contains(lower)) {
      return true;
    }
    if (TableRules.SHARED.falseSpellings().contains(lower)) {
      return false;
    }
    throw misfit(raw, row, "a boolean");
  }

  private Object datetime(String raw, long row) {
    if (format.shape().matcher(raw).matches()) {
      try {
        if (format.hasOffset()) {
          return ZonedDateTime.parse(raw, format.parser()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return format.hasTime() ? LocalDateTime.parse(raw, format.parser()) : LocalDate.parse(raw, format.parser());
      } catch (DateTimeParseException e) {
        // falls through to the refusal below
      }
    }
    throw misfit(raw, row, "a datetime in the layout " + format.strftime());
  }

  private IllegalArgumentException misfit(String raw, long row, String expected) {
    String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    return new IllegalArgumentException(
        "table " + table + ", column " + column.name() + ", row " + row + ": '" + shown + "' is not " + expected + " as the column's type " + column.type().wireName() + " needs");
  }
}
