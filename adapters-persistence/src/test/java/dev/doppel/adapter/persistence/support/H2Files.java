package dev.doppel.adapter.persistence.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file-based H2 database in a temporary folder, like the embedded default the application runs
 * on, deleted when the JVM exits.
 */
public final class H2Files {
  /**
   * The settings the embedded default uses: MySQL mode for the dialect, lower-case identifiers
   * as MySQL on Linux reports them, and UTC so stored timestamps do not depend on the host's zone.
   */
  public static final String SETTINGS = ";MODE=MySQL;TIME ZONE=UTC;WRITE_DELAY=0";

  private static Path folder;

  private H2Files() {}

  /** URL of a database named {@code name} in this JVM's temporary folder. */
  public static synchronized String jdbcUrl(String name) {
    if (folder == null) {
      try {
        folder = Files.createTempDirectory("doppel-h2-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a folder for the H2 test database", e);
      }
      Path created = folder;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> TestServers.deleteRecursively(created), "h2-test-files-delete"));
    }
    return "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath() + SETTINGS;
  }
}
