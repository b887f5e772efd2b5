package dev.doppel.domain.dataset.profile;

import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Histogram;
import dev.doppel.domain.dataset.LengthSummary;
import dev.doppel.domain.dataset.NumericSummary;
import dev.doppel.domain.dataset.ValueCount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Everything one pass learns about one column: candidate types, moments, frequencies, samples. */
final class ColumnAccumulator {
  private static final double[] QUANTILES = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
  private static final int MAX_KEY_LENGTH = 200;
  private static final List<TableRules.BooleanSpelling> BOOLEAN_FAMILIES = TableRules.SHARED.booleanSpellings();
  private static final int ALL_BOOLEAN_FAMILIES = (1 << BOOLEAN_FAMILIES.size()) - 1;
  private static final int LONGEST_BOOLEAN = TableRules.SHARED.longestBooleanSpelling();

  private final String name;
  private final ProfilingLimits limits;
  private final ColumnType forced;
  private final long seed;

  private long count;
  private long nulls;

  private final Map<String, long[]> frequencies = new HashMap<>();
  private boolean frequenciesExact = true;
  private DistinctSketch sketch;

  private boolean allInteger = true;
  private boolean allNumber = true;
  private boolean increasing = true;
  private double previousNumber = Double.NEGATIVE_INFINITY;
  private int booleanFamilies = ALL_BOOLEAN_FAMILIES;
  private int dateCandidates = -1;
  private final Moments numbers = new Moments();
  private Reservoir numberSample;
  private final Map<Integer, Moments> datesByFormat = new HashMap<>();
  private final Map<Integer, Reservoir> dateSamples = new HashMap<>();
  private int maxFractionDigits;

  private int minLength = Integer.MAX_VALUE;
  private int maxLength;
  private long totalLength;
  private boolean anyWhitespace;

  private Counterexample notInteger;
  private Counterexample notNumber;
  private Counterexample notBoolean;
  private Counterexample notDatetime;

  ColumnAccumulator(String name, ProfilingLimits limits, ColumnType forced, int position) {
    this.name = name;
    this.limits = limits;
    this.forced = forced;
    this.seed = 0x5eed + position;
  }

  void accept(String raw, long row) {
    count++;
    if (NullTokens.isNull(raw)) {
      nulls++;
      return;
    }
    String value = raw;
    countFrequency(value);
    trackLength(value);
    trackBoolean(value, row);
    trackNumber(value, row);
    trackDate(value, row);
  }

  private void countFrequency(String value) {
    String key = value.length() <= MAX_KEY_LENGTH ? value : value.substring(0, MAX_KEY_LENGTH - 17) + "…#" + Long.toHexString(DistinctSketch.hash(value));
    if (sketch != null) {
      sketch.add(key);
    }
    long[] counter = frequencies.get(key);
    if (counter != null) {
      counter[0]++;
      return;
    }
    frequencies.put(key, new long[] {1});
    if (frequencies.size() > limits.exactDistinctLimit()) {
      if (sketch == null) {
        sketch = new DistinctSketch();
        frequencies.keySet().forEach(sketch::add);
        frequenciesExact = false;
      }
      pruneFrequencies();
    }
  }

  /** Misra-Gries style pruning: heavy hitters survive, counts become lower bounds. */
  private void pruneFrequencies() {
    long[] all = frequencies.values().stream().mapToLong(c -> c[0]).sorted().toArray();
    long cut = all[all.length / 2];
    frequencies.values().forEach(c -> c[0] -= cut);
    frequencies.values().removeIf(c -> c[0] <= 0);
  }

  private void trackLength(String value) {
    int length = value.length();
    minLength = Math.min(minLength, length);
    maxLength = Math.max(maxLength, length);
    totalLength += length;
    if (!anyWhitespace) {
      for (int i = 0; i < length; i++) {
        if (Character.isWhitespace(value.charAt(i))) {
          anyWhitespace = true;
          break;
        }
      }
    }
  }

  private void trackBoolean(String value, long row) {
    if (booleanFamilies == 0) {
      return;
    }
    int fits = 0;
    if (value.length() <= LONGEST_BOOLEAN) {
      String lower = value.toLowerCase(Locale.ROOT);
      for (int f = 0; f < BOOLEAN_FAMILIES.size(); f++) {
        if (BOOLEAN_FAMILIES.get(f).whenTrue().equals(lower) || BOOLEAN_FAMILIES.get(f).whenFalse().equals(lower)) {
          fits |= 1 << f;
        }
      }
    }
    booleanFamilies &= fits;
    if (booleanFamilies == 0) {
      notBoolean = new Counterexample(value, row);
    }
  }

  private void trackNumber(String value, long row) {
    if (!allNumber) {
      return;
    }
    NumberShape shape = NumberShape.of(value);
    if (shape == NumberShape.NONE) {
      allNumber = false;
      allInteger = false;
      notNumber = new Counterexample(value, row);
      if (notInteger == null) {
        notInteger = notNumber;
      }
      return;
    }
    if (shape != NumberShape.INTEGER && allInteger) {
      allInteger = false;
      notInteger = new Counterexample(value, row);
    }
    double number = Double.parseDouble(value);
    if (Double.isInfinite(number)) {
      allNumber = false;
      allInteger = false;
      notNumber = new Counterexample(value, row);
      return;
    }
    maxFractionDigits = Math.max(maxFractionDigits, NumberShape.fractionDigits(value));
    numbers.add(number);
    if (number <= previousNumber) {
      increasing = false;
    }
    previousNumber = number;
    if (numberSample == null) {
      numberSample = new Reservoir(limits.sampleSize(), seed);
    }
    numberSample.add(number);
  }

  private void trackDate(String value, long row) {
    if (dateCandidates == 0) {
      return;
    }
    if (value.length() < 6 || value.length() > 32 || !Character.isDigit(value.charAt(0))) {
      dateCandidates = 0;
      notDatetime = new Counterexample(value, row);
      return;
    }
    int still = 0;
    int candidates = dateCandidates == -1 ? DateTimeFormats.ALL_CANDIDATES : dateCandidates;
    for (int f = 0; f < DateTimeFormats.ALL.size(); f++) {
      if ((candidates & (1 << f)) == 0) {
        continue;
      }
      OptionalDouble seconds = DateTimeFormats.ALL.get(f).epochSeconds(value);
      if (seconds.isPresent()) {
        still |= 1 << f;
        datesByFormat.computeIfAbsent(f, k -> new Moments()).add(seconds.getAsDouble());
        dateSamples.computeIfAbsent(f, k -> new Reservoir(limits.sampleSize(), seed)).add(seconds.getAsDouble());
      }
    }
    dateCandidates = still;
    if (still == 0) {
      notDatetime = new Counterexample(value, row);
      datesByFormat.clear();
      dateSamples.clear();
    }
  }

  ColumnProfile finish() {
    ColumnType inferred = inferType();
    ColumnType type = forced == null ? inferred : checkedForced();
    long nonNull = count - nulls;
    Optional<String> datetimeFormat = Optional.empty();
    Optional<NumericSummary> numeric = Optional.empty();
    Optional<Histogram> histogram = Optional.empty();
    if (type == ColumnType.DATETIME) {
      int format = Integer.numberOfTrailingZeros(dateCandidates);
      datetimeFormat = Optional.of(DateTimeFormats.ALL.get(format).strftime());
      Reservoir sample = dateSamples.get(format);
      numeric = Optional.of(summary(datesByFormat.get(format), sample, false));
      histogram = Optional.of(sampledHistogram(datesByFormat.get(format), sample, nonNull, false));
    } else if (type.isNumerical() && nonNull > 0) {
      numeric = Optional.of(summary(numbers, numberSample, frequenciesExact));
      histogram = Optional.of(numericHistogram(type == ColumnType.INTEGER, nonNull));
    }
    List<ValueCount> top = topValues();
    long topTotal = top.stream().mapToLong(ValueCount::count).sum();
    long distinct = frequenciesExact ? frequencies.size() : Math.max(sketch.estimate(), limits.exactDistinctLimit());
    LengthSummary length = nonNull == 0 ? LengthSummary.EMPTY : new LengthSummary(minLength, maxLength, (double) totalLength / nonNull);
    return new ColumnProfile(
        name, type, inferred, datetimeFormat, count, nulls, distinct, frequenciesExact, numeric, histogram, top, frequenciesExact,
        Math.max(0, nonNull - topTotal), length);
  }

  private ColumnType inferType() {
    long nonNull = count - nulls;
    if (nonNull == 0) {
      return ColumnType.CATEGORICAL;
    }
    long distinct = frequenciesExact ? frequencies.size() : sketch.estimate();
    boolean unique = nulls == 0 && nonNull >= 2 && (frequenciesExact ? distinct == nonNull : distinct >= 0.97 * nonNull);
    if (booleanFamilies != 0) {
      return ColumnType.BOOLEAN;
    }
    if (allInteger) {
      return unique && (looksLikeIdName() || (increasing && frequenciesExact)) ? ColumnType.ID : ColumnType.INTEGER;
    }
    if (allNumber) {
      return ColumnType.FLOAT;
    }
    if (dateCandidates > 0) {
      return ColumnType.DATETIME;
    }
    if (unique && !anyWhitespace && maxLength <= 64) {
      return ColumnType.ID;
    }
    double meanLength = (double) totalLength / nonNull;
    if (meanLength > 100) {
      return ColumnType.TEXT;
    }
    if (distinct > limits.categoricalLimit() && distinct > nonNull / 2) {
      return ColumnType.TEXT;
    }
    return ColumnType.CATEGORICAL;
  }

  private boolean looksLikeIdName() {
    return TableRules.SHARED.idNames().fit(name);
  }

  private ColumnType checkedForced() {
    Counterexample broken =
        switch (forced) {
          case INTEGER -> allInteger ? null : notInteger;
          case FLOAT -> allNumber ? null : notNumber;
          case BOOLEAN -> booleanFamilies != 0 ? null : notBoolean;
          case DATETIME -> dateCandidates > 0 ? null : notDatetime;
          case CATEGORICAL, ID, TEXT -> null;
        };
    if (broken != null) {
      throw new InvalidTableException(
          name,
          "column '" + name + "' cannot be " + forced.wireName() + ": row " + broken.row() + " holds '" + abbreviate(broken.value()) + "'");
    }
    return forced;
  }

  private NumericSummary summary(Moments moments, Reservoir sample, boolean fromExactFrequencies) {
    List<NumericSummary.Quantile> quantiles = new ArrayList<>();
    boolean exact;
    if (fromExactFrequencies) {
      double[][] weighted = weightedNumbers();
      for (double q : QUANTILES) {
        quantiles.add(new NumericSummary.Quantile(q, weightedQuantile(weighted, q)));
      }
      exact = true;
    } else {
      double[] sorted = sample.sorted();
      for (double q : QUANTILES) {
        quantiles.add(new NumericSummary.Quantile(q, sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1 < 0 ? 0 : (int) Math.ceil(q * sorted.length) - 1)]));
      }
      exact = sample.complete();
    }
    return new NumericSummary(moments.min, moments.max, moments.mean, moments.std(), quantiles, exact, maxFractionDigits);
  }

  private double[][] weightedNumbers() {
    double[][] pairs = new double[frequencies.size()][];
    int i = 0;
    for (Map.Entry<String, long[]> e : frequencies.entrySet()) {
      pairs[i++] = new double[] {Double.parseDouble(e.getKey()), e.getValue()[0]};
    }
    Arrays.sort(pairs, Comparator.comparingDouble(p -> p[0]));
    return pairs;
  }

  private static double weightedQuantile(double[][] sortedPairs, double q) {
    double total = 0;
    for (double[] p : sortedPairs) {
      total += p[1];
    }
    double rank = Math.max(1, Math.ceil(q * total));
    double cumulative = 0;
    for (double[] p : sortedPairs) {
      cumulative += p[1];
      if (cumulative >= rank) {
        return p[0];
      }
    }
    return sortedPairs[sortedPairs.length - 1][0];
  }

  private Histogram numericHistogram(boolean integers, long nonNull) {
    double[] edges = edges(numbers.min, numbers.max, integers);
    long[] counts = new long[edges.length - 1];
    if (frequenciesExact) {
      for (Map.Entry<String, long[]> e : frequencies.entrySet()) {
        counts[bin(edges, Double.parseDouble(e.getKey()))] += e.getValue()[0];
      }
      return histogram(edges, counts, true);
    }
    return sampledHistogram(numbers, numberSample, nonNull, integers);
  }

  private Histogram sampledHistogram(Moments moments, Reservoir sample, long nonNull, boolean integers) {
    double[] edges = edges(moments.min, moments.max, integers);
    double[] values = sample.sorted();
    long[] counts = new long[edges.length - 1];
    for (double v : values) {
      counts[bin(edges, v)]++;
    }
    if (!sample.complete()) {
      double scale = (double) nonNull / values.length;
      for (int i = 0; i < counts.length; i++) {
        counts[i] = Math.round(counts[i] * scale);
      }
    }
    return histogram(edges, counts, sample.complete());
  }

  private double[] edges(double min, double max, boolean integers) {
    if (min == max) {
      return new double[] {min, max};
    }
    if (integers && max - min < limits.histogramBins()) {
      int bins = (int) (max - min) + 1;
      double[] edges = new double[bins + 1];
      for (int i = 0; i <= bins; i++) {
        edges[i] = min + i;
      }
      return edges;
    }
    int bins = limits.histogramBins();
    double width = (max - min) / bins;
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = min + i * width;
    }
    edges[bins] = max;
    return edges;
  }

  private static int bin(double[] edges, double value) {
    int bins = edges.length - 1;
    if (bins == 1) {
      return 0;
    }
    int index = Arrays.binarySearch(edges, value);
    int position = index >= 0 ? index : -index - 2;
    return Math.max(0, Math.min(bins - 1, position));
  }

  private static Histogram histogram(double[] edges, long[] counts, boolean exact) {
    return new Histogram(Arrays.stream(edges).boxed().toList(), Arrays.stream(counts).boxed().toList(), exact);
  }

  private List<ValueCount> topValues() {
    return frequencies.entrySet().stream()
        .sorted(Map.Entry.<String, long[]>comparingByValue(Comparator.comparingLong(c -> -c[0])).thenComparing(Map.Entry.comparingByKey()))
        .limit(limits.topK())
        .map(e -> new ValueCount(e.getKey(), e.getValue()[0]))
        .toList();
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 37) + "...";
  }

  private record Counterexample(String value, long row) {}

  /** Welford's running mean and variance with min and max. */
  private static final class Moments {
    private long n;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double x) {
      n++;
      double delta = x - mean;
      mean += delta / n;
      m2 += delta * (x - mean);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }

    double std() {
      return n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
    }
  }
}
