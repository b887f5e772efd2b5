package dev.doppel.adapter.engine.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineCancelledException;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.Conditioning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter's warm workers against a stand-in worker.py that speaks the protocol of
 * ai-engine/WORKER.md: requests reach it as documented, answers and failures come back, a worker
 * that dies or recycles itself is replaced, and a request that outlives its timeout or is cancelled
 * stops. The real worker is run by the full-stack suite.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WorkerPoolTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Records each request beside its output (or in requests.jsonl), then acts by the model folder's
   * name: "dies" exits without an answer, "hangs" never answers (not even a cancel), "slow" answers
   * a cancel at its next step, "refused" fails with invalid_condition; any other writes a CSV.
   */
  private static final String STAND_IN = """
      import json, os, sys, threading, time
      args = sys.argv[1:]
      max_requests = int(args[args.index("--max-requests") + 1]) if "--max-requests" in args else None
      def emit(event):
          sys.stdout.write(json.dumps(event) + "\\n"); sys.stdout.flush()
      emit({"id": None, "event": "hello", "protocol": 1, "pid": os.getpid()})
      cancelled = set()
      served = 0
      here = os.path.dirname(os.path.abspath(__file__))
      for line in sys.stdin:
          request = json.loads(line)
          with open(os.path.join(here, "requests.jsonl"), "a") as log:
              log.write(json.dumps({**request, "pid": os.getpid()}) + "\\n")
          rid, op = request["id"], request["op"]
          if op == "cancel":
              cancelled.add(request["target"]); continue
          if op == "shutdown":
              emit({"id": rid, "event": "completed", "served": served}); break
          model = os.path.basename(request.get("model", ""))
          if model == "dies":
              os._exit(137)
          if model == "hangs":
              time.sleep(3600)
          if model == "slow":
              def answer_when_cancelled(rid=rid):
                  while rid not in cancelled: time.sleep(0.05)
                  emit({"id": rid, "event": "cancelled", "state": "running"})
              # the main loop reads on, so the cancel arrives
              threading.Thread(target=answer_when_cancelled, daemon=True).start(); continue
          if model == "refused":
              emit({"id": rid, "event": "failed", "code": "invalid_condition", "message": "column 'class': 'x' was never seen in training; allowed: a, b"}); continue
          if op == "check":
              emit({"id": rid, "event": "completed", "rows": 7}); continue
          with open(request["output"], "w") as out:
              out.write("a\\n" + "1\\n" * request.get("count", 2))
          emit({"id": rid, "event": "progress", "stage": "sample", "rows": request.get("count", 2), "total": request.get("count", 2), "elapsed_s": 0.01})
          emit({"id": rid, "event": "completed", "rows": request.get("count", 2), "anomalies": 0, "seed": 99, "cache": "miss" if served == 0 else "hit", "seconds": 0.012})
          served += 1
          if max_requests is not None and served >= max_requests:
              emit({"id": None, "event": "recycling", "reason": "max_requests", "served": served}); break
      """;

  @TempDir Path dir;
  private PythonSynthesisEngine engine;

  static WorkerSettings workers(int count, Optional<Integer> maxRequests, Duration sampleTimeout) {
    return new WorkerSettings(count, 1L << 20, maxRequests, Optional.empty(), sampleTimeout, false);
  }

  private PythonSynthesisEngine engine(int count, Optional<Integer> maxRequests, Duration timeout) throws IOException {
    Path engineDir = Files.createDirectories(dir.resolve("engine"));
    Files.writeString(engineDir.resolve("train.py"), "");
    Files.writeString(engineDir.resolve("worker.py"), STAND_IN);
    engine =
        new PythonSynthesisEngine(
            new EngineSettings(
                PythonSynthesisEngineTest.python(), engineDir, dir.resolve("catalogue.json"), Duration.ofMinutes(1), timeout, Duration.ofMinutes(1),
                Duration.ofSeconds(30), Duration.ofSeconds(1), 0),
            workers(count, maxRequests, timeout));
    return engine;
  }

  @AfterEach
  void stopWorkers() {
    if (engine != null) {
      engine.close();
    }
  }

  private EngineRequests.Generation generation(String model, List<String> rulesOff, Optional<EngineRequests.Given> given) {
    return new EngineRequests.Generation(
        dir.resolve(model), 3, Optional.of(new AnomalySpec(0.1, Optional.of("is_anomaly"), Optional.empty(), List.of())), Optional.of(5L), rulesOff, given,
        dir.resolve("out/" + model + "-" + System.nanoTime() + ".csv"));
  }

  private List<JsonNode> requests() throws IOException {
    return Files.readAllLines(dir.resolve("engine/requests.jsonl")).stream().map(line -> {
      try {
        return JSON.readTree(line);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  @Test
  void sendsGenerationWithEachOptionAsTheProtocolNamesItAndForwardsItsProgress() throws Exception {
    engine(1, Optional.empty(), Duration.ofMinutes(1));
    List<Long> rows = new java.util.concurrent.CopyOnWriteArrayList<>();

    EngineRequests.GeneratedFile file =
        engine.generate(
            generation("m", List.of("linear:total", "dependency:state"), Optional.of(new EngineRequests.Given(new Conditioning.FixedValues(Map.of("class", ">50K")), Optional.empty()))),
            new ProgressListener() {
              @Override
              public void progress(Progress p) {
                p.rows().ifPresent(rows::add);
              }

              @Override
              public void warning(String code, String message) {}
            },
            new Cancellation());

    JsonNode sent = requests().get(0);
    assertThat(sent.path("op").asText()).isEqualTo("generate");
    assertThat(sent.path("model").asText()).isEqualTo(dir.resolve("m").toString());
    assertThat(sent.path("count").asLong()).isEqualTo(3);
    assertThat(sent.path("seed").asLong()).isEqualTo(5);
    assertThat(sent.path("rules_off").toString()).isEqualTo("[\"linear:total\",\"dependency:state\"]");
    assertThat(sent.path("conditions").path("class").asText()).isEqualTo(">50K");
    assertThat(sent.path("anomalies").path("ratio").asDouble()).isEqualTo(0.1);
    assertThat(file.rows()).isEqualTo(3);
    assertThat(rows).containsExactly(3L);
  }

  @Test
  void sendsPartialRowsInlineSharesByColumnAndAnImputationAsItsTableWithoutACount() throws Exception {
    engine(1, Optional.empty(), Duration.ofMinutes(1));
    Map<String, Double> shares = new java.util.LinkedHashMap<>();
    shares.put("rare", 0.5);
    shares.put("common", 0.5);

    engine.sample(generation("m", List.of(), Optional.of(new EngineRequests.Given(new Conditioning.GivenRows(List.of(Map.of("a", "1"), Map.of())), Optional.empty()))), new Cancellation());
    engine.sample(generation("m", List.of(), Optional.of(new EngineRequests.Given(new Conditioning.Shares("class", shares), Optional.empty()))), new Cancellation());
    long rows = engine.check(new EngineRequests.ConditioningCheck(dir.resolve("m"), 0, Optional.empty(),
        new EngineRequests.Given(new Conditioning.Imputation("k"), Optional.of(dir.resolve("holes.csv")))));

    List<JsonNode> sent = requests();
    assertThat(sent.get(0).path("partial_rows").toString()).isEqualTo("[{\"a\":\"1\"},{}]");
    assertThat(sent.get(0).has("count")).as("the rows give the count").isFalse();
    assertThat(sent.get(1).path("shares").toString()).isEqualTo("{\"class\":{\"rare\":0.5,\"common\":0.5}}");
    assertThat(sent.get(2).path("op").asText()).isEqualTo("check");
    assertThat(sent.get(2).path("impute").asText()).isEqualTo(dir.resolve("holes.csv").toString());
    assertThat(sent.get(2).has("count")).isFalse();
    assertThat(rows).isEqualTo(7);
  }

  @Test
  void aSampleSaysWhetherTheModelWasLoadedForItAndWhichSeedItUsed() throws Exception {
    engine(1, Optional.empty(), Duration.ofMinutes(1));

    EngineRequests.Sampled first = engine.sample(generation("m", List.of(), Optional.empty()), new Cancellation());
    EngineRequests.Sampled second = engine.sample(generation("m", List.of(), Optional.empty()), new Cancellation());

    assertThat(first.modelLoaded()).isTrue();
    assertThat(second.modelLoaded()).isFalse();
    assertThat(second.seed()).isEqualTo(99);
    assertThat(second.took()).isEqualTo(Duration.ofMillis(12));
    assertThat(Files.readString(second.file().file())).startsWith("a\n1\n");
  }

  @Test
  void anImpossibleConditionIsBadInputCarryingTheEnginesWords() throws Exception {
    engine(1, Optional.empty(), Duration.ofMinutes(1));

    EngineException refused = catchThrowableOfType(EngineException.class, () -> engine.sample(generation("refused", List.of(), Optional.empty()), new Cancellation()));

    assertThat(refused.kind()).isEqualTo(EngineException.Kind.INVALID_INPUT);
    assertThat(refused.getMessage()).startsWith("column 'class': 'x' was never seen in training; allowed: a, b");
  }

  @Test
  void aWorkerThatDiesFailsItsRequestAsUnavailableAndTheNextRequestGetsANewWorker() throws Exception {
    engine(1, Optional.empty(), Duration.ofMinutes(1));
    engine.sample(generation("m", List.of(), Optional.empty()), new Cancellation());

    EngineException lost = catchThrowableOfType(EngineException.class, () -> engine.sample(generation("dies", List.of(), Optional.empty()), new Cancellation()));
    engine.sample(generation("m", List.of(), Optional.empty()), new Cancellation());

    assertThat(lost.kind()).isEqualTo(EngineException.Kind.UNAVAILABLE);
    assertThat(lost.getMessage()).contains("stopped while answering").contains("exit code 137").contains("try again");
    List<Long> pids = requests().stream().map(r -> r.path("pid").asLong()).distinct().toList();
    assertThat(pids).as("the request after the crash ran on a new worker").hasSize(2);
  }

  @Test
  void aRequestThatOutlivesItsTimeoutIsCancelledAndItsWorkerKilledWhenTheCancelIsNotAnswered() throws Exception {
    engine(1, Optional.empty(), Duration.ofSeconds(1));

    long started = System.nanoTime();
    EngineException timedOut = catchThrowableOfType(EngineException.class, () -> engine.sample(generation("hangs", List.of(), Optional.empty()), new Cancellation()));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    engine.sample(generation("m", List.of(), Optional.empty()), new Cancellation());

    assertThat(timedOut.kind()).isEqualTo(EngineException.Kind.TIMED_OUT);
    assertThat(took).as("the timeout plus the kill grace").isLessThan(Duration.ofSeconds(10));
    // The hung worker never reads the cancel sent to it; the request after the kill runs on a new one.
    List<JsonNode> sent = requests();
    assertThat(sent.stream().map(r -> r.path("op").asText())).containsExactly("sample", "sample");
    assertThat(sent.stream().map(r -> r.path("pid").asLong()).distinct()).hasSize(2);
  }

  @Test
  void cancellingARequestSendsCancelAndEndsItAsCancelled() throws Exception {
    engine(1, Optional.empty(), Duration.ofMinutes(1));
    Cancellation cancellation = new Cancellation();

    CompletableFuture<EngineRequests.Sampled> running = CompletableFuture.supplyAsync(() -> engine.sample(generation("slow", List.of(), Optional.empty()), cancellation));
    Thread.sleep(300);
    cancellation.cancel();

    assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(EngineCancelledException.class);
    assertThat(requests().stream().map(r -> r.path("op").asText())).containsExactly("sample", "cancel");
  }

  @Test
  void aWorkerThatRecyclesItselfIsReplacedAndRequestsGoOn() throws Exception {
    engine(1, Optional.of(1), Duration.ofMinutes(1));

    for (int i = 0; i < 3; i++) {
      engine.sample(generation("m", List.of(), Optional.empty()), new Cancellation());
    }

    assertThat(requests().stream().map(r -> r.path("pid").asLong()).distinct()).hasSize(3);
  }

  @Test
  void requestsSpreadOverTheConfiguredWorkers() throws Exception {
    engine(2, Optional.empty(), Duration.ofMinutes(1));
    Cancellation slowOne = new Cancellation();

    CompletableFuture<EngineRequests.Sampled> busy = CompletableFuture.supplyAsync(() -> engine.sample(generation("slow", List.of(), Optional.empty()), slowOne));
    Thread.sleep(500);
    engine.sample(generation("m", List.of(), Optional.empty()), new Cancellation());
    slowOne.cancel();

    assertThatThrownBy(() -> busy.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(EngineCancelledException.class);
    assertThat(requests().stream().filter(r -> r.path("op").asText().equals("sample")).map(r -> r.path("pid").asLong()).distinct())
        .as("the second request went to the idle worker").hasSize(2);
  }
}
