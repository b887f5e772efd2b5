package dev.doppel.adapter.web.dataset;

import dev.doppel.application.port.in.DatasetPreview;
import dev.doppel.domain.dataset.ColumnType;
import java.util.List;

/** The first rows as typed values: numbers, booleans, ISO-8601 datetimes, text or null, in column order. */
public record DatasetPreviewResponse(List<Column> columns, List<List<Object>> rows) {

  public record Column(String name, ColumnType type) {}

  static DatasetPreviewResponse from(DatasetPreview preview) {
    return new DatasetPreviewResponse(preview.columns().stream().map(c -> new Column(c.name(), c.type())).toList(), preview.rows());
  }
}
