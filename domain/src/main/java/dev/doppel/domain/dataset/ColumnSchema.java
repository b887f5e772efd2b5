package dev.doppel.domain.dataset;

import java.util.Objects;
import java.util.Optional;

/**
 * A column's name and type, as engines and exporters need them.
 *
 * @param datetimeFormat strftime pattern of a DATETIME column's text
 */
public record ColumnSchema(String name, ColumnType type, Optional<String> datetimeFormat) {
  public ColumnSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(datetimeFormat, "datetimeFormat");
  }

  public static ColumnSchema of(ColumnProfile profile) {
    return new ColumnSchema(profile.name(), profile.type(), profile.datetimeFormat());
  }
}
