package dev.doppel.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
            DoppelApplication.class.getName(), "--server.port=" + port, "--doppel.data-dir=" + dataDir, "--doppel.engine.adapter=test",
            "--logging.level.root=WARN");
    ApplicationProcess app = new ApplicationProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
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
