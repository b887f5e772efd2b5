package dev.doppel.adapter.engine.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.adapter.engine.entrypoint.EngineEventLines;
import dev.doppel.adapter.engine.entrypoint.EntryPointOutcome;
import dev.doppel.adapter.engine.entrypoint.LineTail;
import dev.doppel.application.port.out.Cancellation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
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
 * the tail of stderr is kept for the log, and a timeout or a cancellation stops the whole process
 * group (SIGTERM, then SIGKILL after a grace period).
 *
 * <p>Each run starts through {@code setsid}, so the engine leads a process group of its own that
 * every process it forks joins, including workers torch or joblib start long after it began.
 * Signalling the group reaches them all; a snapshot of the process tree would miss the later ones.
 */
final class EngineProcess {
  private static final Logger log = LoggerFactory.getLogger(EngineProcess.class);
  private static final String SETSID = setsid();

  private EngineProcess() {}

  static EntryPointOutcome run(
      List<String> command, Map<String, String> environment, Duration timeout, Duration killGrace, Cancellation cancellation, Consumer<JsonNode> events)
      throws IOException {
    StdoutEvents stdout = new StdoutEvents(events);
    StderrTail stderr = new StderrTail();
    ProcessCapture capture = new ProcessCapture();
    Executor executor = DefaultExecutor.builder().get();
    executor.setStreamHandler(new PumpStreamHandler(stdout, stderr));
    executor.setWatchdog(capture);
    executor.setExitValues(null);
    DefaultExecuteResultHandler result = new DefaultExecuteResultHandler();
    executor.execute(commandLine(inOwnProcessGroup(command)), environment, result);

    boolean[] cancelled = {false};
    cancellation.onCancel(() -> {
      cancelled[0] = true;
      capture.stopGroup(killGrace);
    });
    boolean timedOut = false;
    boolean interrupted = false;
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!result.hasResult()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          timedOut = true;
          capture.stopGroup(killGrace);
          break;
        }
        result.waitFor(Duration.ofMillis(Math.min(200, TimeUnit.NANOSECONDS.toMillis(left) + 1)));
      }
      result.waitFor(killGrace.plusSeconds(5));
    } catch (InterruptedException e) {
      // The application is shutting down: stop the engine rather than leave it running alone.
      Thread.currentThread().interrupt();
      capture.stopGroup(killGrace);
      interrupted = true;
    }
    stdout.close();
    stderr.close();
    int exit = result.hasResult() ? result.getExitValue() : -1;
    return new EntryPointOutcome(exit, stdout.lines.completed(), stdout.lines.error(), stderr.tail.text(), timedOut, cancelled[0], interrupted);
  }

  private static CommandLine commandLine(List<String> command) {
    CommandLine commandLine = new CommandLine(command.get(0));
    command.subList(1, command.size()).forEach(argument -> commandLine.addArgument(argument, false));
    return commandLine;
  }

  /** The command, started through setsid (see above). */
  static List<String> inOwnProcessGroup(List<String> command) {
    List<String> grouped = new ArrayList<>(List.of(SETSID));
    grouped.addAll(command);
    return grouped;
  }

  /** Kills a process started through setsid, with every process of its group. */
  static void killGroup(Process process) {
    signalGroup(process, "KILL");
    process.destroyForcibly();
  }

  private static void signalGroup(Process process, String signal) {
    ProcessBuilder kill = new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " -- -" + process.pid() + " 2>/dev/null");
    kill.environment().clear();
    kill.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    try {
      kill.start().waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      log.warn("could not signal the engine's process group {}", process.pid(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String setsid() {
    return Stream.of("/usr/bin/setsid", "/bin/setsid").filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse("setsid");
  }

  /**
   * Receives the started Process so its group can be stopped; its own timer is not used. A process
   * Java starts never leads a group, so setsid(1) makes it a session and group leader in place
   * without forking: the group's id is the process id.
   */
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

    /**
     * Called once the engine process has ended, before its output streams are drained: workers
     * that outlive it would otherwise keep them open and the run would never end.
     */
    @Override
    public synchronized void stop() {
      killGroup();
      super.stop();
    }

    synchronized void stopGroup(Duration grace) {
      if (process == null) {
        return;
      }
      signalGroup(process, "TERM");
      // Also the leader itself, in case the stop came before setsid made the group.
      process.destroy();
      try {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          log.warn("engine process {} ignored SIGTERM; killing its process group", process.pid());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      killGroup();
    }

    synchronized void killGroup() {
      if (process != null) {
        EngineProcess.killGroup(process);
      }
    }

  }

  private static final class StdoutEvents extends LogOutputStream {
    private final EngineEventLines lines;

    StdoutEvents(Consumer<JsonNode> events) {
      super(1, StandardCharsets.UTF_8);
      this.lines = new EngineEventLines(events);
    }

    @Override
    protected void processLine(String line, int level) {
      if (!lines.accept(line)) {
        log.warn("engine printed a line that is not JSON: {}", line.length() > 200 ? line.substring(0, 200) : line);
      }
    }
  }

  private static final class StderrTail extends LogOutputStream {
    private final LineTail tail = new LineTail();

    StderrTail() {
      super(1, StandardCharsets.UTF_8);
    }

    @Override
    protected void processLine(String line, int level) {
      log.debug("engine: {}", line);
      tail.add(line);
    }
  }
}
