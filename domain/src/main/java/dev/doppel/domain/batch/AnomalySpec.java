package dev.doppel.domain.batch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which share of generated rows to make anomalous, and where to label them.
 *
 * @param labelColumn name of the boolean column marking anomalies; empty leaves it out
 * @param kindColumn name of the column naming each anomaly's kind; empty leaves it out
 * @param kinds which kinds to inject (out_of_range, unseen_category, broken_relation,
 *     unexpected_null); empty means every kind that applies to the table
 */
public record AnomalySpec(double ratio, Optional<String> labelColumn, Optional<String> kindColumn, List<String> kinds) {
  public static final String DEFAULT_LABEL = "is_anomaly";
  public static final List<String> KNOWN_KINDS = List.of("out_of_range", "unseen_category", "broken_relation", "unexpected_null");
  private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  public AnomalySpec {
    Objects.requireNonNull(labelColumn, "labelColumn");
    Objects.requireNonNull(kindColumn, "kindColumn");
    if (!(ratio > 0 && ratio <= 0.5)) {
      throw new InvalidAnomalySpecException("ratio", "ratio must be greater than 0 and at most 0.5");
    }
    labelColumn.filter(c -> !COLUMN.matcher(c).matches()).ifPresent(c -> {
      throw new InvalidAnomalySpecException("labelColumn", "labelColumn must be 1-64 letters, digits or '_', not starting with a digit");
    });
    kindColumn.filter(c -> !COLUMN.matcher(c).matches()).ifPresent(c -> {
      throw new InvalidAnomalySpecException("kindColumn", "kindColumn must be 1-64 letters, digits or '_', not starting with a digit");
    });
    kinds = List.copyOf(kinds);
    for (String kind : kinds) {
      if (!KNOWN_KINDS.contains(kind)) {
        throw new InvalidAnomalySpecException("kinds", "unknown anomaly kind '" + shortened(kind) + "'; use " + String.join(", ", KNOWN_KINDS));
      }
    }
    // Each kind at most once keeps the stored list as short as the list of known kinds.
    if (kinds.stream().distinct().count() < kinds.size()) {
      throw new InvalidAnomalySpecException("kinds", "kinds must name each anomaly kind at most once");
    }
  }

  private static String shortened(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }

  /** Exactly how many of {@code rows} rows become anomalous. */
  public long anomalousRows(long rows) {
    return Math.round(ratio * rows);
  }
}
