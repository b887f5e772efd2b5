package dev.doppel.domain.dataset.profile;

import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.DatasetProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers every column's type and summary in a single pass over the rows, in memory bounded by
 * {@link ProfilingLimits} whatever the number of rows.
 */
public final class TableProfiler {
  private final List<ColumnAccumulator> columns = new ArrayList<>();
  private long rows;

  /**
   * @param header the column names, in order
   * @param forcedTypes types the user chose for some columns; values must fit them
   */
  public TableProfiler(List<String> header, ProfilingLimits limits, Map<String, ColumnType> forcedTypes) {
    validateHeader(header);
    for (String name : forcedTypes.keySet()) {
      if (!header.contains(name)) {
        throw new InvalidTableException("columns", "there is no column named '" + name + "'");
      }
    }
    ProfilingLimits perColumn = limits.forColumns(header.size());
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      columns.add(new ColumnAccumulator(name, perColumn, forcedTypes.get(name), i));
    }
  }

  /** Adds one row; {@code values} holds raw text (null tokens are recognised here) in header order. */
  public void accept(String[] values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("row has " + values.length + " values, header has " + columns.size());
    }
    rows++;
    for (int i = 0; i < values.length; i++) {
      columns.get(i).accept(values[i], rows);
    }
  }

  public long rows() {
    return rows;
  }

  public DatasetProfile finish() {
    return new DatasetProfile(rows, columns.stream().map(ColumnAccumulator::finish).toList());
  }

  private static void validateHeader(List<String> header) {
    if (header.isEmpty()) {
      throw new InvalidTableException("file", "the header row has no columns");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name == null || name.isBlank()) {
        throw new InvalidTableException("file", "column " + (i + 1) + " of the header has a blank name");
      }
      Integer earlier = seen.putIfAbsent(name, i);
      if (earlier != null) {
        throw new InvalidTableException(
            "file", "column name '" + name + "' appears twice in the header (columns " + (earlier + 1) + " and " + (i + 1) + ")");
      }
    }
  }
}
