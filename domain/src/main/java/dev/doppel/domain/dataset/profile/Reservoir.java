package dev.doppel.domain.dataset.profile;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A uniform sample of at most {@code capacity} doubles from a stream of unknown length. */
final class Reservoir {
  private final double[] values;
  private final SplittableRandom random;
  private long seen;

  Reservoir(int capacity, long seed) {
    this.values = new double[capacity];
    this.random = new SplittableRandom(seed);
  }

  void add(double value) {
    if (seen < values.length) {
      values[(int) seen] = value;
    } else {
      long slot = random.nextLong(seen + 1);
      if (slot < values.length) {
        values[(int) slot] = value;
      }
    }
    seen++;
  }

  boolean complete() {
    return seen <= values.length;
  }

  double[] sorted() {
    double[] copy = Arrays.copyOf(values, (int) Math.min(seen, values.length));
    Arrays.sort(copy);
    return copy;
  }
}
