package dev.doppel.domain.dataset;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One column's type and summary. {@code type} is what the platform uses; it equals {@code
 * inferredType} unless the user overrode it.
 *
 * @param datetimeFormat strftime pattern of a DATETIME column, e.g. {@code %Y-%m-%d %H:%M:%S}
 * @param distinctExact whether {@code distinctCount} is exact or a sketch estimate
 * @param histogram bins over numbers (or epoch seconds for datetimes)
 * @param topValues most frequent values with their counts, most frequent first
 * @param topValuesExact whether the counts in {@code topValues} are exact
 * @param otherCount non-null values outside {@code topValues}
 */
public record ColumnProfile(
    String name,
    ColumnType type,
    ColumnType inferredType,
    Optional<String> datetimeFormat,
    long count,
    long nullCount,
    long distinctCount,
    boolean distinctExact,
    Optional<NumericSummary> numeric,
    Optional<Histogram> histogram,
    List<ValueCount> topValues,
    boolean topValuesExact,
    long otherCount,
    LengthSummary length) {
  public ColumnProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(inferredType, "inferredType");
    Objects.requireNonNull(datetimeFormat, "datetimeFormat");
    Objects.requireNonNull(numeric, "numeric");
    Objects.requireNonNull(histogram, "histogram");
    Objects.requireNonNull(length, "length");
    topValues = List.copyOf(Objects.requireNonNull(topValues, "topValues"));
    if (nullCount > count) {
      throw new IllegalArgumentException("column " + name + " has more nulls than values");
    }
  }

  public boolean overridden() {
    return type != inferredType;
  }

  /**
   * Whether every value may differ from every other, with none missing: exactly so when the
   * distinct count is exact, and within three standard errors of the distinct-count sketch (about
   * 5 %) when it is an estimate.
   */
  public boolean mayBeUnique() {
    if (count == 0 || nullCount > 0) {
      return false;
    }
    return distinctExact ? distinctCount == count : distinctCount >= count * 0.95;
  }

  public long nonNullCount() {
    return count - nullCount;
  }
}
