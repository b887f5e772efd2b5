package dev.doppel.adapter.engine.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineCancelledException;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of engine workers. Each request goes to the live worker with the fewest requests
 * in flight; a slot whose worker died or recycled itself gets a new one on the next request. A
 * worker that dies fails its requests as {@link Kind#UNAVAILABLE} (answered 503: the next request
 * gets a new worker); a request that outlives its timeout is cancelled, and its worker killed when
 * the cancel is not answered within the grace period.
 */
final class WorkerPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
  /** Tries of a request that workers turned away because they were recycling or full. */
  private static final int BUSY_TRIES = 3;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final EngineWorker[] slots;
  private final Supplier<List<String>> command;
  private final Supplier<Map<String, String>> environment;
  private final Duration killGrace;
  private final AtomicLong ids = new AtomicLong();
  private boolean closed;

  WorkerPool(int size, Supplier<List<String>> command, Supplier<Map<String, String>> environment, Duration killGrace) {
    this.slots = new EngineWorker[size];
    this.command = command;
    this.environment = environment;
    this.killGrace = killGrace;
  }

  /** Starts every slot's worker now, rather than on its first request. */
  synchronized void startAll() throws IOException {
    for (int slot = 0; slot < slots.length && !closed; slot++) {
      live(slot);
    }
  }

  /**
   * Sends {@code request} (its {@code id} is set here) and waits for its answer: {@code completed}
   * or {@code failed} are returned; {@code cancelled} throws {@link EngineCancelledException}.
   */
  JsonNode call(ObjectNode request, Duration timeout, Cancellation cancellation, Consumer<JsonNode> events) {
    for (int attempt = 1; ; attempt++) {
      if (cancellation.isCancelled()) {
        throw new EngineCancelledException();
      }
      EngineWorker worker = pick();
      request.put("id", "r" + ids.incrementAndGet());
      JsonNode answer = await(worker, request, timeout, cancellation, events);
      String kind = answer.path("event").asText();
      if (kind.equals("cancelled")) {
        throw new EngineCancelledException();
      }
      if (!kind.equals("busy")) {
        return answer;
      }
      if (attempt == BUSY_TRIES) {
        throw new EngineException(Kind.UNAVAILABLE, "the engine is busy with other requests; try again in a moment");
      }
      log.debug("engine worker {} turned request away ({}); trying again", worker.pid(), answer.path("reason").asText());
    }
  }

  private JsonNode await(EngineWorker worker, ObjectNode request, Duration timeout, Cancellation cancellation, Consumer<JsonNode> events) {
    EngineWorker.Call call;
    try {
      call = worker.send(request, events);
    } catch (EngineWorker.Gone gone) {
      return unanswered(gone);
    }
    cancellation.onCancel(() -> worker.cancel(call.id()));
    try {
      try {
        return call.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        worker.cancel(call.id());
        try {
          call.answer().get(killGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
          worker.kill("a request outlived its timeout and its cancel");
        } catch (ExecutionException ended) {
          // it died meanwhile: a new worker takes the slot on the next request
        }
        throw new EngineException(Kind.TIMED_OUT, "the engine took longer than the limit of " + timeout.toSeconds() + " s and was stopped");
      }
    } catch (ExecutionException e) {
      return unanswered(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.cancel(call.id());
      throw new EngineException(Kind.CRASHED, "the request was stopped because the application is shutting down");
    }
  }

  /** A request a recycling worker left unanswered goes to another worker, as a {@code busy} one does; one a dying worker took down fails. */
  private static JsonNode unanswered(Throwable cause) {
    if (cause instanceof EngineWorker.Gone gone && gone.recycled()) {
      return JsonNodeFactory.instance.objectNode().put("event", "busy").put("reason", "recycling");
    }
    throw lost(cause);
  }

  private static EngineException lost(Throwable cause) {
    return new EngineException(
        Kind.UNAVAILABLE, "the engine worker stopped while answering (" + cause.getMessage() + "); a new one is starting, try again", cause);
  }

  private synchronized EngineWorker pick() {
    if (closed) {
      throw new EngineException(Kind.UNAVAILABLE, "the engine is shutting down");
    }
    int best = 0;
    for (int slot = 0; slot < slots.length; slot++) {
      if (slots[slot] == null || !slots[slot].accepting()) {
        best = slot;
        break;
      }
      if (slots[slot].inFlight() < slots[best].inFlight()) {
        best = slot;
      }
    }
    try {
      return live(best);
    } catch (IOException e) {
      throw EngineFailures.withheld(Kind.UNAVAILABLE, "the engine could not be started", e.toString(), e);
    }
  }

  /** The slot's worker, replaced first when it has died or is recycling. */
  private EngineWorker live(int slot) throws IOException {
    EngineWorker worker = slots[slot];
    if (worker != null && worker.accepting()) {
      return worker;
    }
    if (worker != null) {
      worker.retire(); // a recycling worker finishes what it has; a dead one needs nothing
    }
    EngineWorker started = EngineWorker.start(command.get(), environment.get(), "engine-worker-" + slot);
    try {
      JsonNode hello = started.hello().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      log.info("engine worker {} started in slot {} (protocol {})", started.pid(), slot, hello.path("protocol").asInt());
    } catch (ExecutionException | TimeoutException e) {
      started.kill("it did not start");
      throw new IOException("the engine worker did not start: " + Optional.ofNullable(e.getCause()).orElse(e).getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      started.kill("interrupted while starting");
      throw new IOException("interrupted while starting an engine worker", e);
    }
    slots[slot] = started;
    return started;
  }

  /** Lets each worker finish what it has, then stops it; kills those that do not stop in the grace period. */
  @Override
  public synchronized void close() {
    closed = true;
    for (EngineWorker worker : slots) {
      if (worker != null) {
        worker.retire();
      }
    }
    for (EngineWorker worker : slots) {
      if (worker == null) {
        continue;
      }
      try {
        if (!worker.awaitExit(killGrace.toMillis())) {
          worker.kill("the application is stopping");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        worker.kill("the application is stopping");
      }
    }
  }
}
