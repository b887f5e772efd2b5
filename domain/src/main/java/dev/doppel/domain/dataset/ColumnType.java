package dev.doppel.domain.dataset;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a column holds, as the platform and every engine understand it. */
public enum ColumnType {
  INTEGER,
  FLOAT,
  CATEGORICAL,
  BOOLEAN,
  DATETIME,
  ID,
  TEXT;

  public boolean isNumerical() {
    return this == INTEGER || this == FLOAT;
  }

  /** The lower-case name used on the wire and in the engine contract. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ColumnType> fromWireName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(t -> t.wireName().equalsIgnoreCase(name.strip())).findFirst();
  }
}
