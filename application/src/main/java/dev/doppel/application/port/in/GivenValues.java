package dev.doppel.application.port.in;

import dev.doppel.domain.batch.Conditioning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The conditioning fields of a sample or generation request as they came, read into one {@link
 * Conditioning} by {@link #conditioning()} once the model is known to be the caller's, and the
 * request field each kind came from, so that a refusal names it.
 *
 * @param conditions fixed values by column
 * @param partialRows rows of given values; a null value leaves the cell to the model
 * @param shares one column and the target share of each of its values
 */
public record GivenValues(Map<String, Object> conditions, List<Map<String, Object>> partialRows, Map<String, Map<String, Double>> shares) {
  public static final String CONDITIONS = "conditions";
  public static final String PARTIAL_ROWS = "partialRows";
  public static final String SHARES = "shares";
  public static final String TABLE = "file";

  /** Nothing given: plain generation. */
  public static final GivenValues NONE = new GivenValues(null, null, null);

  /**
   * The conditioning the fields describe, empty when none is given.
   *
   * @throws InvalidInputException naming the field at fault
   */
  public Optional<Conditioning> conditioning() {
    long given = Stream.of(conditions, partialRows, shares).filter(Objects::nonNull).count();
    if (given > 1) {
      throw new InvalidInputException(CONDITIONS, "give at most one of conditions, partialRows and shares");
    }
    if (conditions != null) {
      return Optional.of(fixedValues(CONDITIONS, conditions));
    }
    if (partialRows != null) {
      List<Map<String, String>> rows =
          partialRows.stream()
              .map(row -> {
                if (row == null) {
                  throw new InvalidInputException(PARTIAL_ROWS, "partialRows must list objects of column -> value");
                }
                Map<String, String> values = new LinkedHashMap<>();
                row.forEach((column, value) -> {
                  if (value instanceof Map || value instanceof List) {
                    throw new InvalidInputException(PARTIAL_ROWS, "partialRows: " + column + " must be one value (a string, number, boolean or null)");
                  }
                  if (value != null) {
                    values.put(column, String.valueOf(value));
                  }
                });
                return values;
              })
              .toList();
      return Optional.of(Require.field(PARTIAL_ROWS, () -> new Conditioning.GivenRows(rows)));
    }
    if (shares != null) {
      if (shares.size() != 1) {
        throw new InvalidInputException(SHARES, "shares must name one column and its target shares, e.g. {\"class\": {\">50K\": 0.5, \"<=50K\": 0.5}}");
      }
      Map.Entry<String, Map<String, Double>> column = shares.entrySet().iterator().next();
      if (column.getValue() == null || column.getValue().containsValue(null)) {
        throw new InvalidInputException(SHARES, "shares." + column.getKey() + " must map each value to a share between 0 and 1");
      }
      return Optional.of(Require.field(SHARES, () -> new Conditioning.Shares(column.getKey(), column.getValue())));
    }
    return Optional.empty();
  }

  /**
   * The fixed values of a request's object of column → value.
   *
   * @param field the request field they came from, named by a refusal ({@code conditions}, or {@code conditions.<table>} of a database)
   */
  public static Conditioning.FixedValues fixedValues(String field, Map<String, Object> conditions) {
    Map<String, String> values = new LinkedHashMap<>();
    conditions.forEach((column, value) -> {
      if (value == null || value instanceof Map || value instanceof List) {
        throw new InvalidInputException(field, field + "." + column + " must be one value (a string, number or boolean)");
      }
      values.put(column, String.valueOf(value));
    });
    return Require.field(field, () -> new Conditioning.FixedValues(values));
  }

  /** The request field a conditioning came from. */
  public static String fieldOf(Conditioning conditioning) {
    return switch (conditioning.kind()) {
      case Conditioning.FIXED -> CONDITIONS;
      case Conditioning.PARTIAL_ROWS -> PARTIAL_ROWS;
      case Conditioning.REBALANCE -> SHARES;
      default -> TABLE;
    };
  }
}
