package dev.doppel.adapter.engine.ray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.doppel.adapter.engine.entrypoint.EngineEnvironment;
import dev.doppel.adapter.engine.entrypoint.EngineEventLines;
import dev.doppel.adapter.engine.entrypoint.EntryPointOutcome;
import dev.doppel.adapter.engine.entrypoint.EntryPointRunner;
import dev.doppel.adapter.engine.entrypoint.LineTail;
import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an entry point's command line as a job on a Ray cluster, through the job-submission REST API
 * of its head node: the command line is the job's entrypoint, its output is read back while it
 * runs for the engine's JSON event lines, and a cancellation or timeout stops the job.
 *
 * <p>The cluster's nodes see the same paths as this application: the engine's virtual environment
 * and folder, and the data directory whose files the command line names.
 */
public final class RayJobRunner implements EntryPointRunner {
  private static final Logger log = LoggerFactory.getLogger(RayJobRunner.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "STOPPED");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final RaySettings settings;
  private final HttpClient http;

  public RayJobRunner(RaySettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  }

  @Override
  public EntryPointOutcome run(List<String> command, Duration timeout, Cancellation cancellation, Consumer<JsonNode> events) {
    String job = submit(command);
    log.info("engine job {} submitted to the Ray cluster at {}", job, settings.address());
    AtomicBoolean cancelled = new AtomicBoolean();
    cancellation.onCancel(() -> {
      cancelled.set(true);
      stop(job);
    });
    JobOutput output = new JobOutput(events);
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastAnswer = System.nanoTime();
    boolean timedOut = false;
    boolean interrupted = false;
    JsonNode status = JSON.missingNode();
    while (true) {
      try {
        status = get("/api/jobs/" + job);
        output.read(get("/api/jobs/" + job + "/logs").path("logs").asText(""));
        lastAnswer = System.nanoTime();
        if (TERMINAL.contains(status.path("status").asText())) {
          break;
        }
      } catch (IOException e) {
        if (System.nanoTime() - lastAnswer > settings.unansweredLimit().toNanos()) {
          throw notAnswering(e);
        }
      }
      if (!timedOut && System.nanoTime() > deadline) {
        timedOut = true;
        stop(job);
        deadline = System.nanoTime() + STOP_WAIT.toNanos();
      } else if (timedOut && System.nanoTime() > deadline) {
        break;
      }
      try {
        Thread.sleep(settings.pollInterval().toMillis());
      } catch (InterruptedException e) {
        interrupted = true;
        break;
      }
    }
    if (interrupted || Thread.interrupted()) {
      // The application is shutting down: stop the job rather than leave it running alone. The
      // interrupt is set again once the stop request has been sent, which it would otherwise abort.
      interrupted = true;
      stop(job);
      Thread.currentThread().interrupt();
    }
    output.finish();
    String state = status.path("status").asText("unknown");
    if (!state.equals("SUCCEEDED")) {
      output.tail.add("Ray job " + job + " ended " + state + ": " + status.path("message").asText(""));
    }
    int exitCode = status.path("driver_exit_code").canConvertToInt() ? status.get("driver_exit_code").asInt() : state.equals("SUCCEEDED") ? 0 : -1;
    return new EntryPointOutcome(exitCode, output.lines.completed(), output.lines.error(), output.tail.text(), timedOut, cancelled.get(), interrupted);
  }

  private String submit(List<String> command) {
    ObjectNode body = JSON.createObjectNode();
    String job = "doppel-" + UUID.randomUUID();
    body.put("submission_id", job);
    body.put("entrypoint", command.stream().map(RayJobRunner::shellQuoted).collect(Collectors.joining(" ")));
    body.put("entrypoint_num_cpus", settings.entrypointCpus());
    if (settings.entrypointMemoryBytes() > 0) {
      body.put("entrypoint_memory", settings.entrypointMemoryBytes());
    }
    if (settings.entrypointGpus() > 0) {
      body.put("entrypoint_num_gpus", settings.entrypointGpus());
    }
    Map<String, String> environment = new TreeMap<>(EngineEnvironment.of(Map.of(), settings.threads()));
    if (settings.fanOut()) {
      environment.put("DOPPEL_ENGINE_FAN_OUT", "ray");
      environment.put("DOPPEL_RAY_TASK_CPUS", String.valueOf(settings.taskCpus()));
    }
    body.putObject("runtime_env").set("env_vars", JSON.valueToTree(environment));
    HttpResponse<String> response;
    try {
      response = send(HttpRequest.newBuilder(endpoint("/api/jobs/")).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).header("Content-Type", "application/json"));
    } catch (IOException e) {
      throw notAnswering(e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new EngineException(Kind.UNAVAILABLE, "the Ray cluster at " + settings.address() + " refused the job (HTTP " + response.statusCode() + "): " + abbreviated(response.body()));
    }
    return job;
  }

  private void stop(String job) {
    try {
      send(HttpRequest.newBuilder(endpoint("/api/jobs/" + job + "/stop")).POST(HttpRequest.BodyPublishers.noBody()));
    } catch (IOException e) {
      log.warn("could not stop Ray job {} at {}: {}", job, settings.address(), e.toString());
    }
  }

  private JsonNode get(String path) throws IOException {
    HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint(path)).GET());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode() + " from " + path + ": " + abbreviated(response.body()));
    }
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private URI endpoint(String path) {
    String address = settings.address().toString();
    return URI.create((address.endsWith("/") ? address.substring(0, address.length() - 1) : address) + path);
  }

  private EngineException notAnswering(IOException e) {
    String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    return new EngineException(Kind.UNAVAILABLE, "the Ray cluster at " + settings.address() + " did not answer: " + reason, e);
  }

  private static String abbreviated(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /** The argument as one word of the POSIX shell that runs a Ray job's entrypoint. */
  private static String shellQuoted(String argument) {
    return "'" + argument.replace("'", "'\\''") + "'";
  }

  /** A job's output, read whole at each poll: its new complete lines are the engine's events or the tail kept for the log. */
  private static final class JobOutput {
    private final EngineEventLines lines;
    private final LineTail tail = new LineTail();
    private int consumed;
    private String pending = "";

    JobOutput(Consumer<JsonNode> events) {
      this.lines = new EngineEventLines(events);
    }

    void read(String logs) {
      if (logs.length() < consumed) {
        return;
      }
      pending = logs.substring(consumed);
      int end;
      while ((end = pending.indexOf('\n')) >= 0) {
        line(pending.substring(0, end));
        consumed += end + 1;
        pending = pending.substring(end + 1);
      }
    }

    void finish() {
      if (!pending.isEmpty()) {
        line(pending);
        pending = "";
      }
    }

    private void line(String line) {
      if (!lines.accept(line)) {
        tail.add(line);
      }
    }
  }
}
