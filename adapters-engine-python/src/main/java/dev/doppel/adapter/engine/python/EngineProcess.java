package dev.doppel.adapter.engine.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.application.port.out.Cancellation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.Executor;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.PumpStreamHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an engine entry point: JSON event lines from stdout go to a consumer as they arrive,
 * the tail of stderr is kept for error messages, and a timeout or a cancellation stops the whole
 * process tree (SIGTERM, then SIGKILL after a grace period).
 */
final class EngineProcess {
  private static final Logger log = LoggerFactory.getLogger(EngineProcess.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STDERR_TAIL_LINES = 40;

  record Outcome(
      int exitCode, Optional<JsonNode> completed, Optional<JsonNode> error, String stderrTail, boolean timedOut, boolean cancelled, boolean interrupted) {}

  private EngineProcess() {}

  static Outcome run(
      CommandLine command, Map<String, String> environment, Duration timeout, Duration killGrace, Cancellation cancellation, Consumer<JsonNode> events)
      throws IOException {
    StdoutEvents stdout = new StdoutEvents(events);
    StderrTail stderr = new StderrTail();
    ProcessCapture capture = new ProcessCapture();
    Executor executor = DefaultExecutor.builder().get();
    executor.setStreamHandler(new PumpStreamHandler(stdout, stderr));
    executor.setWatchdog(capture);
    executor.setExitValues(null);
    DefaultExecuteResultHandler result = new DefaultExecuteResultHandler();
    executor.execute(command, environment, result);

    boolean[] cancelled = {false};
    cancellation.onCancel(() -> {
      cancelled[0] = true;
      capture.killTree(killGrace);
    });
    boolean timedOut = false;
    boolean interrupted = false;
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!result.hasResult()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          timedOut = true;
          capture.killTree(killGrace);
          break;
        }
        result.waitFor(Duration.ofMillis(Math.min(200, TimeUnit.NANOSECONDS.toMillis(left) + 1)));
      }
      result.waitFor(killGrace.plusSeconds(5));
    } catch (InterruptedException e) {
      // The application is shutting down: stop the engine rather than leave it running alone.
      Thread.currentThread().interrupt();
      capture.killTree(killGrace);
      interrupted = true;
    }
    stdout.close();
    stderr.close();
    int exit = result.hasResult() ? result.getExitValue() : -1;
    return new Outcome(exit, stdout.completed, stdout.error, stderr.tail(), timedOut, cancelled[0], interrupted);
  }

  /** Receives the started Process so the whole tree can be stopped; its own timer is not used. */
  private static final class ProcessCapture extends ExecuteWatchdog {
    private Process process;

    @SuppressWarnings("deprecation")
    ProcessCapture() {
      super(ExecuteWatchdog.INFINITE_TIMEOUT);
    }

    @Override
    public synchronized void start(Process started) {
      this.process = started;
      super.start(started);
    }

    synchronized void killTree(Duration grace) {
      if (process == null || !process.isAlive()) {
        return;
      }
      ProcessHandle root = process.toHandle();
      List<ProcessHandle> children = root.descendants().toList();
      root.destroy();
      children.forEach(ProcessHandle::destroy);
      try {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          log.warn("engine process {} ignored SIGTERM; killing it", root.pid());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      children.forEach(ProcessHandle::destroyForcibly);
      root.descendants().forEach(ProcessHandle::destroyForcibly);
      root.destroyForcibly();
    }
  }

  private static final class StdoutEvents extends LogOutputStream {
    private final Consumer<JsonNode> events;
    private Optional<JsonNode> completed = Optional.empty();
    private Optional<JsonNode> error = Optional.empty();

    StdoutEvents(Consumer<JsonNode> events) {
      super(1, StandardCharsets.UTF_8);
      this.events = events;
    }

    @Override
    protected void processLine(String line, int level) {
      if (line.isBlank()) {
        return;
      }
      JsonNode event;
      try {
        event = JSON.readTree(line);
      } catch (IOException e) {
        log.warn("engine printed a line that is not JSON: {}", line.length() > 200 ? line.substring(0, 200) : line);
        return;
      }
      String kind = event.path("event").asText("");
      if (kind.equals("completed")) {
        completed = Optional.of(event);
      } else if (kind.equals("error")) {
        error = Optional.of(event);
      }
      try {
        events.accept(event);
      } catch (RuntimeException e) {
        log.warn("progress consumer failed on {}", line, e);
      }
    }
  }

  private static final class StderrTail extends LogOutputStream {
    private final Deque<String> lines = new ArrayDeque<>();

    StderrTail() {
      super(1, StandardCharsets.UTF_8);
    }

    @Override
    protected synchronized void processLine(String line, int level) {
      log.debug("engine: {}", line);
      lines.addLast(line.length() > 500 ? line.substring(0, 500) + "…" : line);
      while (lines.size() > STDERR_TAIL_LINES) {
        lines.removeFirst();
      }
    }

    synchronized String tail() {
      return String.join("\n", lines);
    }
  }

}
