package dev.doppel.domain.schema;

import dev.doppel.domain.dataset.DatasetId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Columns of one dataset, in order: a key, or the columns of a foreign key that name one. */
public record KeyColumns(DatasetId dataset, List<String> columns) {
  /** Keys longer than this are not modelled by the engines and not looked for by the proposal. */
  public static final int MAX_COLUMNS = 4;

  public KeyColumns {
    Objects.requireNonNull(dataset, "dataset");
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
  }

  /**
   * The rule every key follows; {@code field} is the request field the columns came from.
   *
   * @throws InvalidSchemaException when the columns are empty, too many, blank or repeated
   */
  public void requireWellFormed(String field) {
    if (columns.isEmpty()) {
      throw new InvalidSchemaException(field, field + " must name at least one column");
    }
    if (columns.size() > MAX_COLUMNS) {
      throw new InvalidSchemaException(field, field + " may name at most " + MAX_COLUMNS + " columns");
    }
    if (columns.stream().anyMatch(c -> c == null || c.isBlank())) {
      throw new InvalidSchemaException(field, field + " must not hold a blank column name");
    }
    if (new HashSet<>(columns).size() != columns.size()) {
      throw new InvalidSchemaException(field, field + " names a column twice");
    }
  }
}
