package dev.doppel.adapter.web.dataset;

import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.NumericSummary;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

  static DatasetStatsResponse from(Dataset dataset) {
    return new DatasetStatsResponse(
        dataset.id().value(), dataset.profile().rowCount(), dataset.profile().columns().stream().map(DatasetStatsResponse::columnStats).toList());
  }

  private static ColumnStats columnStats(ColumnProfile column) {
    boolean dates = column.type() == ColumnType.DATETIME;
    long nonNull = column.nonNullCount();
    List<Bar> bars =
        column.topValues().stream()
            .map(v -> new Bar(v.value(), v.count(), nonNull == 0 ? 0 : (double) v.count() / nonNull))
            .toList();
    return new ColumnStats(
        column.name(),
        column.type().wireName(),
        column.inferredType().wireName(),
        column.datetimeFormat().orElse(null),
        column.count(),
        column.nullCount(),
        column.count() == 0 ? 0 : (double) column.nullCount() / column.count(),
        column.distinctCount(),
        column.distinctExact(),
        column.numeric().map(n -> summary(n, dates)).orElse(null),
        column.histogram().map(h -> histogram(h, column.type())).orElse(null),
        bars,
        column.topValuesExact(),
        column.otherCount(),
        new Lengths(column.length().min(), column.length().max(), column.length().mean()));
  }

  private static Summary summary(NumericSummary n, boolean dates) {
    Map<String, Double> quantiles = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (NumericSummary.Quantile q : n.quantiles()) {
      String key = String.format(Locale.ROOT, "p%02d", Math.round(q.probability() * 100));
      quantiles.put(key, q.value());
      if (dates) {
        labels.put(key, isoLabel(q.value()));
      }
    }
    if (dates) {
      labels.put("min", isoLabel(n.min()));
      labels.put("max", isoLabel(n.max()));
      labels.put("mean", isoLabel(n.mean()));
    }
    return new Summary(n.min(), n.max(), n.mean(), n.std(), quantiles, n.quantilesExact(), labels);
  }

  private static Histogram histogram(dev.doppel.domain.dataset.Histogram h, ColumnType type) {
    List<Bin> bins = new ArrayList<>();
    for (int i = 0; i < h.counts().size(); i++) {
      double start = h.edges().get(i);
      double end = h.edges().get(i + 1);
      bins.add(new Bin(start, end, binLabel(start, end, type), h.counts().get(i)));
    }
    return new Histogram(bins, h.exact());
  }

  private static String binLabel(double start, double end, ColumnType type) {
    if (type == ColumnType.DATETIME) {
      return isoLabel(start) + " – " + isoLabel(end);
    }
    if (type == ColumnType.INTEGER && end - start == 1) {
      return String.valueOf((long) start);
    }
    return number(start) + " – " + number(end);
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.valueOf((long) value);
    }
    return String.format(Locale.ROOT, "%.4g", value);
  }

  private static String isoLabel(double epochSeconds) {
    return LocalDateTime.ofInstant(Instant.ofEpochSecond((long) Math.floor(epochSeconds)), ZoneOffset.UTC).toString();
  }
}
