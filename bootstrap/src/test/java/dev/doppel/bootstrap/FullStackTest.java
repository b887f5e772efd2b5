package dev.doppel.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Boots the whole application on a random port over a fresh embedded database and data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class FullStackTest {
  static final byte[] SIGNING_KEY = "full-stack-test-signing-key-of-sufficient-length!".getBytes();
  static final byte[] CONNECTIONS_KEY = "full-stack-test-connections-key!".getBytes();
  static final Path DATA_DIR = temporaryDirectory();
  static final long UPLOAD_LIMIT_BYTES = 8L * 1024 * 1024;

  @LocalServerPort int port;
  Api api;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("doppel.data-dir", DATA_DIR::toString);
    registry.add("doppel.security.jwt-secret", () -> Base64.getEncoder().encodeToString(SIGNING_KEY));
    registry.add("doppel.connections.secret-key", () -> Base64.getEncoder().encodeToString(CONNECTIONS_KEY));
    registry.add("doppel.upload.max-file-size", () -> UPLOAD_LIMIT_BYTES + "B");
    // Every test signs up from 127.0.0.1; the suite must not run into the per-address sign-in limit.
    registry.add("doppel.security.login-throttle.per-address", () -> "100000");
    // The same suite runs against the test engine (default) and, with -Ddoppel.test.engine=python, the real one.
    registry.add("doppel.engine.adapter", FullStackTest::engine);
    // Each Surefire execution names its own interpreter (full or permissive-only install); Maven's -D
    // properties reach every forked JVM, so the per-execution name must win over doppel.engine.python.
    String python = System.getProperty("doppel.test.python");
    if (python != null) {
      registry.add("doppel.engine.python", () -> python);
    }
    registry.add("doppel.engine.directory", () -> SharedDatasets.repositoryRoot().resolve("ai-engine").toString());
    registry.add("doppel.jobs.max-generated-rows", () -> "200000");
  }

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  static String engine() {
    return System.getProperty("doppel.test.engine", "test");
  }

  static boolean realEngine() {
    return engine().equals("python");
  }

  static String unique(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36);
  }

  /** Every file under the data directory's file store, relative to it. */
  static List<String> storedFiles() {
    return storedFiles(DATA_DIR);
  }

  static List<String> storedFiles(Path dataDir) {
    Path files = dataDir.resolve("files");
    if (!Files.exists(files)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(files)) {
      return walk.filter(Files::isRegularFile).map(p -> files.relativize(p).toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("doppel-full-stack");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
