package dev.doppel.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;

/** The public tables in ../shared/datasets beside the repository (override with DOPPEL_DATASETS_DIR). */
final class SharedDatasets {
  private SharedDatasets() {}

  static Path file(String name) {
    String override = System.getenv("DOPPEL_DATASETS_DIR");
    Path dir = override != null ? Path.of(override) : repositoryRoot().resolve("../shared/datasets").normalize();
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("shared dataset missing: " + file + " (set DOPPEL_DATASETS_DIR)");
    }
    return file;
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("bootstrap/pom.xml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new AssertionError("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
