package dev.doppel.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real application in its own JVM (test engine adapter), started and waited for until healthy. */
final class ApplicationProcess implements AutoCloseable {
  /** Generous: a loaded two-core machine can take minutes to start a second JVM. */
  private static final Duration STARTUP = Duration.ofMinutes(3);

  private final Process process;

  private ApplicationProcess(Process process) {
    this.process = process;
  }

  /** Starts the application on {@code port} with {@code dataDir}, writing its output to {@code log}. */
  static ApplicationProcess start(String maxHeap, int port, Path dataDir, Path log) throws IOException {
    return start(maxHeap, List.of(), port, dataDir, log, List.of());
  }

  /** As {@link #start(String, int, Path, Path)}, with more JVM options and settings. */
  static ApplicationProcess start(String maxHeap, List<String> jvmOptions, int port, Path dataDir, Path log, List<String> settings) throws IOException {
    ApplicationProcess app = new ApplicationProcess(launch(maxHeap, jvmOptions, port, dataDir, log, settings));
    Api api = new Api(port);
    try {
      Polling.until(() -> api.get("/actuator/health", null), json -> json.path("status").asText().equals("UP"), STARTUP);
    } catch (AssertionError notUp) {
      String output = Files.readString(log);
      app.close();
      throw new AssertionError(
          "the application did not become healthy (" + notUp.getMessage() + "); its output ends:\n" + output.substring(Math.max(0, output.length() - 4000)),
          notUp);
    }
    return app;
  }

  /** Starts the application with {@code settings} it is expected to refuse; returns its exit code once it stopped, its output in {@code log}. */
  static int refusing(int port, Path dataDir, Path log, List<String> settings) throws IOException, InterruptedException {
    Process process = launch("256m", List.of(), port, dataDir, log, settings);
    if (!process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the application did not stop; its output:\n" + Files.readString(log));
    }
    return process.exitValue();
  }

  private static Process launch(String maxHeap, List<String> jvmOptions, int port, Path dataDir, Path log, List<String> settings) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), DoppelApplication.class.getName(), "--server.port=" + port, "--doppel.data-dir=" + dataDir,
            "--doppel.engine.adapter=test", "--logging.level.root=WARN"));
    command.addAll(settings);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Ends it at once, as a crash would (SIGKILL). */
  @Override
  public void close() {
    try {
      process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
