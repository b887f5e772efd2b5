package dev.doppel.domain.dataset.profile;

/**
 * Bounds that keep profiling memory flat whatever the table's size.
 *
 * @param exactDistinctLimit distinct values counted exactly per column before switching to sketches
 * @param sampleSize values kept per column (uniform sample) for quantiles and histograms
 * @param topK most frequent values reported per column
 * @param histogramBins bins of a numeric or datetime histogram
 * @param categoricalLimit most distinct values a string column may have and still be categorical
 *     when most of its values are distinct
 */
public record ProfilingLimits(int exactDistinctLimit, int sampleSize, int topK, int histogramBins, int categoricalLimit) {
  public static final ProfilingLimits DEFAULT = new ProfilingLimits(10_000, 10_000, 20, 20, TableRules.SHARED.categoricalLimit());

  public ProfilingLimits {
    if (exactDistinctLimit < 100 || sampleSize < 100 || topK < 1 || histogramBins < 2 || categoricalLimit < 2) {
      throw new IllegalArgumentException("profiling limits are too small");
    }
  }

  /** Shrinks the per-column bounds so that wide tables stay inside the same memory budget. */
  public ProfilingLimits forColumns(int columns) {
    int budget = 400_000;
    int perColumn = Math.max(500, Math.min(exactDistinctLimit, budget / Math.max(1, columns)));
    return new ProfilingLimits(perColumn, Math.max(500, Math.min(sampleSize, budget / Math.max(1, columns))), topK, histogramBins, categoricalLimit);
  }
}
