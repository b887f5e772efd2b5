package dev.doppel.adapter.engine.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running engine worker (ai-engine/worker.py; the protocol is ai-engine/WORKER.md): requests go
 * to its stdin as JSON lines, and a reader thread hands each line from its stdout to the request it
 * names. When the process ends, every request still waiting fails with {@link Gone}.
 */
final class EngineWorker {
  private static final Logger log = LoggerFactory.getLogger(EngineWorker.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ANSWERS = Set.of("completed", "failed", "cancelled", "busy", "health");
  private static final int STDERR_TAIL_LINES = 40;

  /** The worker ended before it answered. */
  static final class Gone extends RuntimeException {
    private final boolean recycled;

    Gone(String message, boolean recycled) {
      super(message);
      this.recycled = recycled;
    }

    /** Whether the worker had announced it was recycling itself: the request never ran, and another worker may take it. */
    boolean recycled() {
      return recycled;
    }
  }

  /** A request sent and not yet answered. */
  record Call(String id, CompletableFuture<JsonNode> answer, Consumer<JsonNode> events) {}

  private final Process process;
  private final BufferedWriter stdin;
  private final Map<String, Call> calls = new ConcurrentHashMap<>();
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private final CompletableFuture<JsonNode> hello = new CompletableFuture<>();
  private final AtomicBoolean retiring = new AtomicBoolean();
  private volatile boolean recycled;
  private volatile String endReason;

  private EngineWorker(Process process, String name) {
    this.process = process;
    this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    Thread stdout = new Thread(this::readAnswers, name + "-out");
    stdout.setDaemon(true);
    stdout.start();
    Thread stderr = new Thread(this::readStderr, name + "-err");
    stderr.setDaemon(true);
    stderr.start();
  }

  /** Starts a worker in a process group of its own (see {@link EngineProcess}), so that killing it reaches the processes it forked. */
  static EngineWorker start(List<String> command, Map<String, String> environment, String name) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(EngineProcess.inOwnProcessGroup(command));
    builder.environment().clear();
    builder.environment().putAll(environment);
    return new EngineWorker(builder.start(), name);
  }

  long pid() {
    return process.pid();
  }

  /** The worker's first line: its limits and version (WORKER.md, "Start"). */
  CompletableFuture<JsonNode> hello() {
    return hello;
  }

  /** Whether it takes new requests: alive, and neither recycling nor being stopped. */
  boolean accepting() {
    return process.isAlive() && !retiring.get();
  }

  int inFlight() {
    return calls.size();
  }

  /** Sends a request; its events go to {@code events} and its answer completes the call. */
  Call send(ObjectNode request, Consumer<JsonNode> events) {
    String id = request.path("id").asText();
    Call call = new Call(id, new CompletableFuture<>(), events);
    calls.put(id, call);
    if (!write(request)) {
      calls.remove(id);
      throw new Gone(ended(), recycled);
    }
    return call;
  }

  /** Asks the worker to stop a request at its next chunk (WORKER.md, "cancel"). */
  void cancel(String id) {
    ObjectNode cancel = JSON.createObjectNode();
    cancel.put("id", id + "-cancel");
    cancel.put("op", "cancel");
    cancel.put("target", id);
    write(cancel);
  }

  /** Takes no more requests; those sent finish, then the worker exits. */
  void retire() {
    retiring.set(true);
    ObjectNode shutdown = JSON.createObjectNode();
    shutdown.put("id", "shutdown");
    shutdown.put("op", "shutdown");
    write(shutdown);
  }

  /** Stops the worker and everything it started at once; its waiting requests fail. */
  void kill(String why) {
    retiring.set(true);
    if (endReason == null) {
      endReason = why;
    }
    EngineProcess.killGroup(process);
  }

  boolean awaitExit(long millis) throws InterruptedException {
    return process.waitFor(millis, TimeUnit.MILLISECONDS);
  }

  private synchronized boolean write(ObjectNode line) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      stdin.write(JSON.writeValueAsString(line));
      stdin.write('\n');
      stdin.flush();
      return true;
    } catch (IOException e) {
      log.debug("engine worker {} no longer reads its input", process.pid(), e);
      return false;
    }
  }

  private void readAnswers() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          take(line);
        }
      }
    } catch (IOException e) {
      log.debug("engine worker {} output ended", process.pid(), e);
    } finally {
      ended();
    }
  }

  private void take(String line) {
    JsonNode event;
    try {
      event = JSON.readTree(line);
    } catch (IOException e) {
      log.warn("engine worker {} printed a line that is not JSON: {}", process.pid(), line.length() > 200 ? line.substring(0, 200) : line);
      return;
    }
    String kind = event.path("event").asText("");
    if (!event.path("id").isTextual()) {
      switch (kind) {
        case "hello" -> hello.complete(event);
        case "ready" -> log.info("engine worker {} loaded {} in {} s", process.pid(), event.path("preloaded"), event.path("seconds").asDouble());
        case "recycling" -> {
          recycled = true;
          retiring.set(true);
          log.info("engine worker {} recycles itself: {}", process.pid(), event.path("reason").asText());
        }
        default -> log.warn("engine worker {}: {}", process.pid(), event);
      }
      return;
    }
    Call call = calls.get(event.get("id").asText());
    if (call == null) {
      return; // the answer to a cancel or shutdown, or to a request given up on
    }
    if (ANSWERS.contains(kind)) {
      calls.remove(call.id());
      call.answer().complete(event);
      return;
    }
    try {
      call.events().accept(event);
    } catch (RuntimeException e) {
      log.warn("progress consumer failed on {}", event, e);
    }
  }

  private void readStderr() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        log.debug("engine worker {}: {}", process.pid(), line);
        synchronized (stderrTail) {
          stderrTail.addLast(line.length() > 500 ? line.substring(0, 500) + "…" : line);
          while (stderrTail.size() > STDERR_TAIL_LINES) {
            stderrTail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      log.debug("engine worker {} error output ended", process.pid(), e);
    }
  }

  /** Fails what is still waiting, once the output has ended; the reason for the log and the callers. */
  private String ended() {
    retiring.set(true);
    String reason;
    try {
      reason = process.waitFor(5, TimeUnit.SECONDS) ? "exit code " + process.exitValue() : "its output closed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reason = "its output closed";
    }
    if (endReason != null) {
      reason = endReason + ", " + reason;
    }
    hello.completeExceptionally(new Gone("the engine worker ended before it started (" + reason + ")", false));
    if (!calls.isEmpty()) {
      String tail;
      synchronized (stderrTail) {
        tail = String.join("\n", stderrTail);
      }
      log.warn("engine worker {} ended ({}) with {} requests unanswered; its last error lines:\n{}", process.pid(), reason, calls.size(), tail);
    }
    for (Call call : List.copyOf(calls.values())) {
      calls.remove(call.id());
      call.answer().completeExceptionally(new Gone(reason, recycled));
    }
    return reason;
  }
}
