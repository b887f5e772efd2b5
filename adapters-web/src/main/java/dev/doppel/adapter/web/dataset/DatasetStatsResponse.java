package dev.doppel.adapter.web.dataset;

import java.util.List;
import java.util.Map;

/** Per-column distributions shaped for charts: ready-made bins and bars, labels included. */
public record DatasetStatsResponse(long datasetId, long rowCount, List<ColumnStats> columns) {

  /**
   * @param summary min/max/mean/std and quantiles (p01…p99); datetimes in epoch seconds, with ISO
   *     labels in {@code labels}
   * @param histogram bins for numbers and datetimes, absent for other types
   * @param topValues most frequent values, with {@code otherCount} for the rest
   */
  public record ColumnStats(
      String name,
      String type,
      String inferredType,
      String datetimeFormat,
      long count,
      long nullCount,
      double nullRatio,
      long distinctCount,
      boolean distinctExact,
      Summary summary,
      Histogram histogram,
      List<Bar> topValues,
      boolean topValuesExact,
      long otherCount,
      Lengths length) {}

  public record Summary(
      double min, double max, double mean, double std, Map<String, Double> quantiles, boolean quantilesExact, Map<String, String> labels) {}

  public record Histogram(List<Bin> bins, boolean exact) {}

  public record Bin(double start, double end, String label, long count) {}

  public record Bar(String value, long count, double share) {}

  public record Lengths(int min, int max, double mean) {}
}
