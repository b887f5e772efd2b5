package dev.doppel.adapter.engine.python;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the engine.
 *
 * @param python the virtual environment's interpreter
 * @param engineDirectory the ai-engine folder holding train.py, generate.py, evaluate.py, describe.py
 * @param catalogueCache where the last catalogue the engine reported is kept, so a known catalogue
 *     survives an engine that has gone missing (its jobs then fail with a clear reason)
 * @param threads CPU threads the engine may use (0 = all)
 */
public record EngineSettings(
    Path python,
    Path engineDirectory,
    Path catalogueCache,
    Duration trainTimeout,
    Duration generateTimeout,
    Duration evaluateTimeout,
    Duration describeTimeout,
    Duration killGrace,
    int threads) {
  public EngineSettings {
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(engineDirectory, "engineDirectory");
    Objects.requireNonNull(catalogueCache, "catalogueCache");
    Objects.requireNonNull(trainTimeout, "trainTimeout");
    Objects.requireNonNull(generateTimeout, "generateTimeout");
    Objects.requireNonNull(evaluateTimeout, "evaluateTimeout");
    Objects.requireNonNull(describeTimeout, "describeTimeout");
    Objects.requireNonNull(killGrace, "killGrace");
  }
}
