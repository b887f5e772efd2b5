package dev.doppel.adapter.web.dataset;

import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.Histogram;
import dev.doppel.domain.dataset.NumericSummary;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface DatasetWebMapper {

  @Mapping(target = "id", source = "id.value")
  @Mapping(target = "projectId", source = "projectId.value")
  @Mapping(target = "name", source = "name.value")
  @Mapping(target = "format", source = "file.format")
  @Mapping(target = "delimiter", expression = "java(delimiterOf(dataset))")
  @Mapping(target = "encoding", expression = "java(dataset.file().encoding().map(dev.doppel.domain.dataset.TextEncoding::label).orElse(null))")
  @Mapping(target = "sizeBytes", source = "file.sizeBytes")
  @Mapping(target = "sha256", source = "file.sha256")
  @Mapping(target = "rowCount", source = "profile.rowCount")
  @Mapping(target = "columns", source = "profile.columns")
  DatasetResponse toResponse(Dataset dataset);

  default DatasetResponse.ColumnSummary toColumnSummary(ColumnProfile column) {
    return new DatasetResponse.ColumnSummary(
        column.name(), column.type().wireName(), column.inferredType().wireName(), column.datetimeFormat().orElse(null),
        column.nullCount(), column.distinctCount());
  }

  default String delimiterOf(Dataset dataset) {
    return dataset.file().format() == dev.doppel.domain.dataset.FileFormat.CSV ? String.valueOf(dataset.file().delimiter()) : null;
  }

  default DatasetStatsResponse toStats(Dataset dataset) {
    return new DatasetStatsResponse(
        dataset.id().value(), dataset.profile().rowCount(), dataset.profile().columns().stream().map(this::toColumnStats).toList());
  }

  default DatasetStatsResponse.ColumnStats toColumnStats(ColumnProfile column) {
    boolean dates = column.type() == ColumnType.DATETIME;
    long nonNull = column.nonNullCount();
    List<DatasetStatsResponse.Bar> bars =
        column.topValues().stream()
            .map(v -> new DatasetStatsResponse.Bar(v.value(), v.count(), nonNull == 0 ? 0 : (double) v.count() / nonNull))
            .toList();
    return new DatasetStatsResponse.ColumnStats(
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
        new DatasetStatsResponse.Lengths(column.length().min(), column.length().max(), column.length().mean()));
  }

  private static DatasetStatsResponse.Summary summary(NumericSummary n, boolean dates) {
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
    return new DatasetStatsResponse.Summary(n.min(), n.max(), n.mean(), n.std(), quantiles, n.quantilesExact(), labels);
  }

  private static DatasetStatsResponse.Histogram histogram(Histogram h, ColumnType type) {
    List<DatasetStatsResponse.Bin> bins = new ArrayList<>();
    for (int i = 0; i < h.counts().size(); i++) {
      double start = h.edges().get(i);
      double end = h.edges().get(i + 1);
      bins.add(new DatasetStatsResponse.Bin(start, end, binLabel(start, end, type), h.counts().get(i)));
    }
    return new DatasetStatsResponse.Histogram(bins, h.exact());
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
