package dev.doppel.domain.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the rows of a generation are given before the model fills in the rest. The engine checks the
 * given values against what the model learned; {@link #kind()} is the word the engine's catalogue
 * uses for each algorithm's abilities.
 */
public sealed interface Conditioning {
  String FIXED = "fixed";
  String PARTIAL_ROWS = "partial_rows";
  String REBALANCE = "rebalance";
  String IMPUTE = "impute";

  /** The engine's word for this kind of conditioning. */
  String kind();

  /** A copy that keeps the given order (the engine's seeded draws follow it) and refuses nulls. */
  private static <V> Map<String, V> ordered(Map<String, V> given) {
    given.forEach((column, value) -> Objects.requireNonNull(value, column));
    return Collections.unmodifiableMap(new LinkedHashMap<>(given));
  }

  /** Every row carries these values. */
  record FixedValues(Map<String, String> values) implements Conditioning {
    public FixedValues {
      values = ordered(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("give at least one column and its value");
      }
    }

    @Override
    public String kind() {
      return FIXED;
    }
  }

  /** One output row per given row; the columns a row leaves out are the model's to fill. */
  record GivenRows(List<Map<String, String>> rows) implements Conditioning {
    public GivenRows {
      rows = rows.stream().map(Conditioning::ordered).toList();
      if (rows.isEmpty()) {
        throw new IllegalArgumentException("give at least one row");
      }
    }

    @Override
    public String kind() {
      return PARTIAL_ROWS;
    }
  }

  /** Target shares of one categorical column's values, summing to 1. */
  record Shares(String column, Map<String, Double> shares) implements Conditioning {
    public Shares {
      Objects.requireNonNull(column, "column");
      shares = ordered(shares);
      if (shares.isEmpty()) {
        throw new IllegalArgumentException("give the share of at least one value");
      }
    }

    @Override
    public String kind() {
      return REBALANCE;
    }
  }

  /**
   * The rows of an uploaded table, every empty cell filled by the model and every other kept.
   *
   * @param tableKey where the uploaded table is stored
   */
  record Imputation(String tableKey) implements Conditioning {
    public Imputation {
      Objects.requireNonNull(tableKey, "tableKey");
    }

    @Override
    public String kind() {
      return IMPUTE;
    }
  }
}
