package dev.doppel.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;

/** The small public tables in the repository's samples/ folder, which every clone has. */
final class SampleTables {
  private SampleTables() {}

  static Path file(String name) {
    Path file = SharedDatasets.repositoryRoot().resolve("samples").resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("sample table missing: " + file);
    }
    return file;
  }
}
