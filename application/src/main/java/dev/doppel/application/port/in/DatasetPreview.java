package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.ColumnType;
import java.util.List;

/** Rows hold Long, Double, Boolean, String (datetimes as ISO-8601) or null, in column order. */
public record DatasetPreview(List<Column> columns, List<List<Object>> rows) {
  public DatasetPreview {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public record Column(String name, ColumnType type) {}
}
