package dev.doppel.application.port.out;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Receives what an engine reports while it works. Called from the engine's thread. */
public interface ProgressListener {
  ProgressListener IGNORE = new ProgressListener() {
    @Override
    public void progress(Progress progress) {}

    @Override
    public void warning(String code, String message) {}
  };

  void progress(Progress progress);

  void warning(String code, String message);

  /**
   * @param stage e.g. fit, sample, evaluate
   * @param epoch the epoch just finished, for algorithms with epochs
   * @param metrics latest losses and similar, by the engine's names
   * @param rows rows produced so far, when sampling
   * @param table the table being worked on, when the work spans several (a database)
   */
  record Progress(
      String stage, Optional<Integer> epoch, Optional<Integer> epochs, Map<String, Double> metrics, Optional<Long> rows,
      Optional<Long> total, double elapsedSeconds, Optional<String> table) {
    public Progress {
      metrics = Map.copyOf(metrics);
      Objects.requireNonNull(table, "table");
    }

    /** Progress of work on one table. */
    public Progress(
        String stage, Optional<Integer> epoch, Optional<Integer> epochs, Map<String, Double> metrics, Optional<Long> rows, Optional<Long> total,
        double elapsedSeconds) {
      this(stage, epoch, epochs, metrics, rows, total, elapsedSeconds, Optional.empty());
    }
  }
}
