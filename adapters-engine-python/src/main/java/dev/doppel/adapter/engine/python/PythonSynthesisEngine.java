package dev.doppel.adapter.engine.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.doppel.adapter.engine.entrypoint.EngineEnvironment;
import dev.doppel.adapter.engine.entrypoint.EntryPointOutcome;
import dev.doppel.adapter.engine.entrypoint.EntryPointRunner;
import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineCancelledException;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineException.Kind;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TableSummary;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.ColumnEncoding;
import dev.doppel.domain.synthesis.ModelRule;
import dev.doppel.domain.synthesis.PrivacySpent;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synthesis engine port, implemented by running the ai-engine's entry points in their virtual
 * environment. Their command lines, JSON event lines and exit codes are the contract (see
 * ai-engine/README.md).
 *
 * <p>Jobs (training, generation, evaluation) run their entry point through an {@link
 * EntryPointRunner}: by default as local processes, with generation served by the warm workers;
 * given another runner (a cluster's), every job's entry point runs there, generation included, and
 * the warm workers serve only samples and condition checks, which answer a user waiting on them.
 */
public class PythonSynthesisEngine implements SynthesisEngine {
  private static final Logger log = LoggerFactory.getLogger(PythonSynthesisEngine.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How much of evaluate_database.py's report is computed (see {@link #evaluateDatabase}). */
  static final String DATABASE_EVALUATION_SCOPE = "scores";

  private final EngineSettings settings;
  private final WorkerSettings workerSettings;
  private final WorkerPool workers;
  private final EntryPointRunner localProcesses;
  private final EntryPointRunner jobs;
  private final boolean generationByWorkers;

  /** Runs every job as a local process. */
  public PythonSynthesisEngine(EngineSettings settings, WorkerSettings workerSettings) {
    this(settings, workerSettings, Optional.empty());
  }

  /** Runs every job's entry point through {@code jobs}. */
  public PythonSynthesisEngine(EngineSettings settings, WorkerSettings workerSettings, EntryPointRunner jobs) {
    this(settings, workerSettings, Optional.of(jobs));
  }

  private PythonSynthesisEngine(EngineSettings settings, WorkerSettings workerSettings, Optional<EntryPointRunner> jobs) {
    this.settings = settings;
    this.workerSettings = workerSettings;
    this.localProcesses =
        (command, timeout, cancellation, events) ->
            EngineProcess.run(command, EngineEnvironment.of(System.getenv(), settings.threads()), timeout, settings.killGrace(), cancellation, events);
    this.jobs = jobs.orElse(localProcesses);
    this.generationByWorkers = jobs.isEmpty();
    this.workers = new WorkerPool(workerSettings.count(), this::workerCommand, () -> EngineEnvironment.of(System.getenv(), settings.threads()), settings.killGrace());
  }

  /**
   * Starts the workers in the background when the settings ask for it, so that they import the
   * libraries while the application starts and the first request finds them warm.
   */
  public void warmUp() {
    if (!workerSettings.warmOnStart() || problem().isPresent()) {
      return;
    }
    Thread warmUp = new Thread(() -> {
      try {
        workers.startAll();
      } catch (IOException e) {
        log.warn("the engine workers could not be started ahead of the first request: {}", e.getMessage());
      }
    }, "engine-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /** Stops the workers, letting each finish its running request within the grace period. */
  public void close() {
    workers.close();
  }

  private List<String> workerCommand() {
    List<String> command =
        new ArrayList<>(List.of(
            settings.python().toString(), "-u", settings.engineDirectory().resolve("worker.py").toString(), "--cache-bytes", String.valueOf(workerSettings.cacheBytes())));
    workerSettings.maxRequests().ifPresent(n -> command.addAll(List.of("--max-requests", String.valueOf(n))));
    workerSettings.maxRssBytes().ifPresent(n -> command.addAll(List.of("--max-rss-bytes", String.valueOf(n))));
    if (workerSettings.warmOnStart()) {
      command.add("--preload");
    }
    return command;
  }

  /** Why the engine cannot run, or empty when it looks ready. For operators: it names server paths. */
  public Optional<String> problem() {
    if (settings.python().toString().isEmpty()) {
      return Optional.of(
          "no Python is configured for the engine; ./doppel start sets it up, or set DOPPEL_ENGINE_PYTHON to the ai-engine virtual environment's python");
    }
    if (!Files.isExecutable(settings.python())) {
      return Optional.of(
          "the engine's Python was not found at " + settings.python()
              + "; run ./doppel start (it sets up the environment) or set doppel.engine.python to the ai-engine virtual environment's python");
    }
    if (!Files.isRegularFile(settings.engineDirectory().resolve("train.py"))) {
      return Optional.of("the ai-engine folder was not found at " + settings.engineDirectory() + "; set doppel.engine.directory");
    }
    return Optional.empty();
  }

  @Override
  public AlgorithmCatalogue describe() {
    EngineException failure;
    Optional<String> problem = problem();
    if (problem.isPresent()) {
      failure = unavailable(problem.get());
    } else {
      try {
        JsonNode[] catalogue = {null};
        EntryPointOutcome outcome =
            run(localProcesses, "describe.py", List.of(), settings.describeTimeout(), new Cancellation(), event -> {
              if (event.has("algorithms")) {
                catalogue[0] = event;
              }
            });
        if (outcome.exitCode() == 0 && catalogue[0] != null) {
          remember(catalogue[0]);
          return CatalogueJson.parse(catalogue[0]);
        }
        failure = EngineFailures.of(Kind.UNAVAILABLE, "listing of algorithms", outcome);
      } catch (IOException e) {
        failure = notStarted(e);
      }
    }
    if (Files.isRegularFile(settings.catalogueCache())) {
      log.warn("using the last known algorithm catalogue: {}", failure.getMessage());
      try {
        return CatalogueJson.parse(JSON.readTree(settings.catalogueCache().toFile()));
      } catch (IOException e) {
        log.warn("the cached catalogue at {} is unreadable", settings.catalogueCache(), e);
      }
    }
    throw failure;
  }

  @Override
  public TrainingSummary train(EngineRequests.Training request, ProgressListener listener, Cancellation cancellation) {
    ObjectNode config = JSON.createObjectNode();
    config.put("algorithm", request.algorithm().name());
    request.seed().ifPresent(seed -> config.put("seed", seed));
    request.settings().values().forEach((name, value) -> config.set(name, JSON.valueToTree(value)));
    request.differentialPrivacy().ifPresent(dp -> config.set("differential_privacy", JSON.valueToTree(dp.values())));
    config.set("columns", columns(request.data().columns()));
    Path configFile = null;
    try {
      Files.createDirectories(request.modelFolder().getParent());
      configFile = Files.createTempFile(request.modelFolder().getParent(), ".train-config-", ".json");
      Files.writeString(configFile, JSON.writeValueAsString(config), StandardCharsets.UTF_8);
      List<String> args = new ArrayList<>(List.of("--data", request.data().file().toString(), "--config", configFile.toString(), "--output", request.modelFolder().toString()));
      delimiter(request.data()).ifPresent(d -> args.addAll(List.of("--delimiter", d)));
      List<String> warnings = new ArrayList<>();
      EntryPointOutcome outcome = run(jobs, "train.py", args, settings.trainTimeout(), cancellation, event -> forward(event, listener, warnings));
      JsonNode completed = completedOrThrow("training", outcome, settings.trainTimeout());
      Map<String, Double> finalMetrics = new HashMap<>();
      completed.fields().forEachRemaining(e -> {
        if ((e.getKey().endsWith("_loss") || e.getKey().equals("loss")) && e.getValue().isNumber()) {
          finalMetrics.put(e.getKey(), e.getValue().asDouble());
        }
      });
      JsonNode dp = completed.path("differential_privacy");
      Optional<PrivacySpent> spent =
          dp.path("epsilon").isNumber() ? Optional.of(new PrivacySpent(dp.get("epsilon").asDouble(), dp.path("delta").asDouble(0))) : Optional.empty();
      JsonNode metadata = metadata(request.modelFolder());
      return new TrainingSummary(completed.path("fit_seconds").asDouble(0), finalMetrics, warnings, spent, rules(metadata), encodings(metadata));
    } catch (IOException e) {
      throw notStarted(e);
    } finally {
      deleteQuietly(configFile);
    }
  }

  /**
   * Writes the database document and the training config beside the model folder and runs
   * train_database.py as a process, as train.py runs: progress names the table.
   */
  @Override
  public List<TableSummary> trainDatabase(EngineRequests.DatabaseTraining request, ProgressListener listener, Cancellation cancellation) {
    ObjectNode config = JSON.createObjectNode();
    config.put("algorithm", request.algorithm().name());
    request.seed().ifPresent(seed -> config.put("seed", seed));
    request.settings().values().forEach((name, value) -> config.set(name, JSON.valueToTree(value)));
    Path configFile = null;
    Path documentFile = null;
    try {
      Files.createDirectories(request.modelFolder().getParent());
      configFile = Files.createTempFile(request.modelFolder().getParent(), ".train-database-config-", ".json");
      Files.writeString(configFile, JSON.writeValueAsString(config), StandardCharsets.UTF_8);
      documentFile = Files.createTempFile(request.modelFolder().getParent(), ".database-", ".json");
      Files.writeString(documentFile, JSON.writeValueAsString(databaseDocument(request.tables(), request.links())), StandardCharsets.UTF_8);
      List<String> args = List.of("--schema", documentFile.toString(), "--config", configFile.toString(), "--output", request.modelFolder().toString());
      EntryPointOutcome outcome = run(jobs, "train_database.py", args, settings.trainTimeout(), cancellation, event -> forward(event, listener, new ArrayList<>()));
      JsonNode completed = completedOrThrow("training", outcome, settings.trainTimeout());
      List<TableSummary> summary = new ArrayList<>();
      for (EngineRequests.DatabaseTable table : request.tables()) {
        JsonNode trained = completed.path("tables").path(table.name());
        summary.add(new TableSummary(table.name(), trained.path("rows").asLong(0), trained.path("seconds").asDouble(0)));
      }
      return summary;
    } catch (IOException e) {
      throw notStarted(e);
    } finally {
      deleteQuietly(configFile);
      deleteQuietly(documentFile);
    }
  }

  /**
   * The database document of train_database.py and evaluate_database.py: tables with their data,
   * columns and keys, and the relationships.
   */
  private static ObjectNode databaseDocument(List<EngineRequests.DatabaseTable> databaseTables, List<EngineRequests.DatabaseLink> databaseLinks) {
    ObjectNode document = JSON.createObjectNode();
    ArrayNode tables = document.putArray("tables");
    for (EngineRequests.DatabaseTable table : databaseTables) {
      if (table.data().format() == FileFormat.CSV && table.data().delimiter() != ',') {
        throw new EngineException(Kind.INVALID_INPUT, "table " + table.name() + " is a CSV file delimited by '" + table.data().delimiter() + "'; databases are learned from comma-separated or Parquet files");
      }
      ObjectNode node = tables.addObject();
      node.put("name", table.name());
      node.put("data", table.data().file().toString());
      node.set("primaryKey", JSON.valueToTree(table.primaryKey()));
      node.set("columns", columns(table.data().columns()));
    }
    ArrayNode links = document.putArray("relationships");
    for (EngineRequests.DatabaseLink link : databaseLinks) {
      ObjectNode node = links.addObject();
      node.put("parent", link.parent());
      node.set("parentColumns", JSON.valueToTree(link.parentColumns()));
      node.put("child", link.child());
      node.set("childColumns", JSON.valueToTree(link.childColumns()));
      if (!link.orderBy().isEmpty()) {
        node.set("orderBy", JSON.valueToTree(link.orderBy()));
      }
    }
    return document;
  }

  /**
   * Runs evaluate_database.py as a process over the real tables' database document and each
   * table's synthetic file, and returns the report it wrote. Its {@value #DATABASE_EVALUATION_SCOPE}
   * scope leaves out the classifier telling real parents with their children from synthetic ones,
   * and the tables' charts: on the Lahman sample they made the full report take about 190 s against
   * 26 s, while the integrity, children per parent, trends and sequences are what a database's
   * report is read for.
   */
  @Override
  public String evaluateDatabase(EngineRequests.DatabaseEvaluation request, ProgressListener listener, Cancellation cancellation) {
    Path documentFile = null;
    Path syntheticFile = null;
    try {
      Files.createDirectories(request.report().getParent());
      documentFile = Files.createTempFile(request.report().getParent(), ".database-", ".json");
      Files.writeString(documentFile, JSON.writeValueAsString(databaseDocument(request.tables(), request.links())), StandardCharsets.UTF_8);
      ObjectNode synthetic = JSON.createObjectNode();
      request.synthetic().forEach((table, file) -> synthetic.put(table, file.toString()));
      syntheticFile = Files.createTempFile(request.report().getParent(), ".synthetic-", ".json");
      Files.writeString(syntheticFile, JSON.writeValueAsString(synthetic), StandardCharsets.UTF_8);
      List<String> args =
          List.of(
              "--schema", documentFile.toString(), "--synthetic", syntheticFile.toString(), "--output", request.report().toString(), "--max-rows",
              String.valueOf(request.maxRows()), "--scope", DATABASE_EVALUATION_SCOPE);
      EntryPointOutcome outcome = run(jobs, "evaluate_database.py", args, settings.evaluateTimeout(), cancellation, event -> forward(event, listener, new ArrayList<>()));
      completedOrThrow("evaluation", outcome, settings.evaluateTimeout());
      return Files.readString(request.report(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw EngineFailures.withheld(Kind.CRASHED, "the database evaluation could not be run or its report read", e.toString(), e);
    } finally {
      deleteQuietly(documentFile);
      deleteQuietly(syntheticFile);
      deleteQuietly(request.report());
    }
  }

  /**
   * Runs generate_database.py as a process: a child's rows need its parent's, which the warm workers
   * do not hold. Each table's anomalies go in generate.py's spec, and its fixed values as generate.py's --conditions, under the table's
   * name.
   */
  @Override
  public List<TableRows> generateDatabase(EngineRequests.DatabaseGeneration request, ProgressListener listener, Cancellation cancellation) {
    try {
      Files.createDirectories(request.output());
      List<String> args = new ArrayList<>(List.of(
          "--model", request.modelFolder().toString(), "--output", request.output().toString(), "--scale", String.valueOf(request.scale()), "--format", "csv"));
      request.seed().ifPresent(seed -> args.addAll(List.of("--seed", String.valueOf(seed))));
      if (!request.anomalies().isEmpty()) {
        ObjectNode anomalies = JSON.createObjectNode();
        request.anomalies().forEach((table, spec) -> anomalies.set(table, anomalies(spec)));
        args.addAll(List.of("--anomalies", JSON.writeValueAsString(anomalies)));
      }
      if (!request.conditions().isEmpty()) {
        ObjectNode conditions = JSON.createObjectNode();
        request.conditions().forEach((table, fixed) -> conditions.set(table, JSON.valueToTree(fixed.values())));
        args.addAll(List.of("--conditions", JSON.writeValueAsString(conditions)));
      }
      EntryPointOutcome outcome = run(jobs, "generate_database.py", args, settings.generateTimeout(), cancellation, event -> forward(event, listener, new ArrayList<>()));
      JsonNode completed = completedOrThrow("generation", outcome, settings.generateTimeout());
      List<TableRows> rows = new ArrayList<>();
      completed.path("tables").properties().forEach(table ->
          rows.add(new TableRows(table.getKey(), table.getValue().path("rows").asLong(), table.getValue().path("anomalies").asLong(0))));
      return rows;
    } catch (IOException e) {
      throw notStarted(e);
    }
  }

  @Override
  public EngineRequests.GeneratedFile generate(EngineRequests.Generation request, ProgressListener listener, Cancellation cancellation) {
    Consumer<JsonNode> events = event -> forward(event, listener, new ArrayList<>());
    JsonNode completed =
        generationByWorkers
            ? ask("generate", generation(request), "generation", settings.generateTimeout(), cancellation, events)
            : generateWithEntryPoint(request, cancellation, events);
    return new EngineRequests.GeneratedFile(request.output(), completed.path("rows").asLong(), completed.path("anomalies").asLong(0));
  }

  /** Runs generate.py with the arguments the workers' generate takes (WORKER.md), given rows as a CSV file beside the output. */
  private JsonNode generateWithEntryPoint(EngineRequests.Generation request, Cancellation cancellation, Consumer<JsonNode> events) {
    ObjectNode arguments = generation(request);
    Path givenRows = null;
    try {
      Files.createDirectories(request.output().getParent());
      List<String> args = new ArrayList<>();
      for (Map.Entry<String, JsonNode> argument : arguments.properties()) {
        String flag = "--" + argument.getKey().replace('_', '-');
        JsonNode value = argument.getValue();
        if (argument.getKey().equals("partial_rows")) {
          givenRows = Files.createTempFile(request.output().getParent(), ".given-rows-", ".csv");
          Files.writeString(givenRows, csv(value), StandardCharsets.UTF_8);
          args.addAll(List.of(flag, givenRows.toString()));
        } else if (value.isArray()) {
          value.forEach(item -> args.addAll(List.of(flag, item.asText())));
        } else {
          args.addAll(List.of(flag, value.isContainerNode() ? JSON.writeValueAsString(value) : value.asText()));
        }
      }
      EntryPointOutcome outcome = run(jobs, "generate.py", args, settings.generateTimeout(), cancellation, events);
      return completedOrThrow("generation", outcome, settings.generateTimeout());
    } catch (IOException e) {
      throw notStarted(e);
    } finally {
      deleteQuietly(givenRows);
    }
  }

  /** Rows of column → text as CSV, every cell quoted, a column a row leaves out left empty. */
  private static String csv(JsonNode rows) {
    List<String> columns = new ArrayList<>();
    rows.forEach(row -> row.fieldNames().forEachRemaining(name -> {
      if (!columns.contains(name)) {
        columns.add(name);
      }
    }));
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", columns.stream().map(PythonSynthesisEngine::quoted).toList())).append('\n');
    rows.forEach(row -> csv.append(String.join(",", columns.stream().map(c -> row.hasNonNull(c) ? quoted(row.get(c).asText()) : "").toList())).append('\n'));
    return csv.toString();
  }

  private static String quoted(String cell) {
    return '"' + cell.replace("\"", "\"\"") + '"';
  }

  @Override
  public EngineRequests.Sampled sample(EngineRequests.Generation request, Cancellation cancellation) {
    ObjectNode arguments = generation(request);
    arguments.put("format", "csv");
    JsonNode completed = ask("sample", arguments, "sampling", workerSettings.sampleTimeout(), cancellation, event -> {});
    return new EngineRequests.Sampled(
        new EngineRequests.GeneratedFile(request.output(), completed.path("rows").asLong(), completed.path("anomalies").asLong(0)),
        completed.path("seed").asLong(), completed.path("cache").asText().equals("miss"),
        Duration.ofMillis(Math.round(completed.path("seconds").asDouble() * 1000)));
  }

  @Override
  public long check(EngineRequests.ConditioningCheck request) {
    ObjectNode arguments = JSON.createObjectNode();
    arguments.put("model", request.modelFolder().toString());
    if (!(request.given().conditioning() instanceof Conditioning.GivenRows || request.given().conditioning() instanceof Conditioning.Imputation)) {
      arguments.put("count", request.rows());
    }
    request.seed().ifPresent(seed -> arguments.put("seed", seed));
    given(request.given(), arguments);
    return ask("check", arguments, "the check of the conditions", workerSettings.sampleTimeout(), new Cancellation(), event -> {}).path("rows").asLong();
  }

  /** The arguments generate and sample share (WORKER.md). */
  private static ObjectNode generation(EngineRequests.Generation request) {
    ObjectNode arguments = JSON.createObjectNode();
    arguments.put("model", request.modelFolder().toString());
    if (!request.given().map(g -> g.conditioning() instanceof Conditioning.GivenRows || g.conditioning() instanceof Conditioning.Imputation).orElse(false)) {
      arguments.put("count", request.rows());
    }
    arguments.put("output", request.output().toString());
    arguments.put("format", "csv");
    request.seed().ifPresent(seed -> arguments.put("seed", seed));
    request.anomalies().ifPresent(spec -> arguments.set("anomalies", anomalies(spec)));
    if (!request.rulesOff().isEmpty()) {
      ArrayNode rulesOff = arguments.putArray("rules_off");
      request.rulesOff().forEach(rulesOff::add);
    }
    request.given().ifPresent(given -> given(given, arguments));
    return arguments;
  }

  private static void given(EngineRequests.Given given, ObjectNode arguments) {
    Conditioning conditioning = given.conditioning();
    if (conditioning instanceof Conditioning.FixedValues fixed) {
      arguments.set("conditions", JSON.valueToTree(fixed.values()));
    } else if (conditioning instanceof Conditioning.GivenRows rows) {
      arguments.set("partial_rows", JSON.valueToTree(rows.rows()));
    } else if (conditioning instanceof Conditioning.Shares shares) {
      arguments.set("shares", JSON.createObjectNode().set(shares.column(), JSON.valueToTree(shares.shares())));
    } else {
      arguments.put("impute", given.table().orElseThrow().toString());
    }
  }

  /** Sends one request to a worker and returns its {@code completed} answer, or throws what its failure means. */
  private JsonNode ask(String op, ObjectNode arguments, String what, Duration timeout, Cancellation cancellation, Consumer<JsonNode> events) {
    Optional<String> problem = problem();
    if (problem.isPresent()) {
      throw unavailable(problem.get());
    }
    if (arguments.has("output")) {
      try {
        Files.createDirectories(Path.of(arguments.get("output").asText()).getParent());
      } catch (IOException e) {
        throw notStarted(e);
      }
    }
    arguments.put("op", op);
    JsonNode answer = workers.call(arguments, timeout, cancellation, events);
    if (answer.path("event").asText().equals("completed")) {
      return answer;
    }
    throw EngineFailures.of(EngineFailures.kindOf(answer.path("code").asText()), what, answer, "worker answer " + answer);
  }

  @Override
  public EvaluationReport evaluate(EngineRequests.Evaluation request, ProgressListener listener, Cancellation cancellation) {
    Path report = request.synthetic().resolveSibling(request.synthetic().getFileName() + ".report.json");
    ObjectNode metadata = JSON.createObjectNode();
    metadata.set("columns", columns(request.real().columns()));
    Path metadataFile = null;
    try {
      metadataFile = Files.createTempFile(request.synthetic().getParent(), ".evaluate-metadata-", ".json");
      Files.writeString(metadataFile, JSON.writeValueAsString(metadata), StandardCharsets.UTF_8);
      List<String> args =
          new ArrayList<>(List.of(
              "--real", request.real().file().toString(), "--synthetic", request.synthetic().toString(), "--output", report.toString(),
              "--metadata", metadataFile.toString(), "--model", request.model().toString(), "--max-rows", String.valueOf(request.maxRows())));
      request.target().ifPresent(target -> args.addAll(List.of("--target", target)));
      EntryPointOutcome outcome = run(jobs, "evaluate.py", args, settings.evaluateTimeout(), cancellation, event -> forward(event, listener, new ArrayList<>()));
      completedOrThrow("evaluation", outcome, settings.evaluateTimeout());
      String document = Files.readString(report, StandardCharsets.UTF_8);
      JsonNode parsed = JSON.readTree(document);
      return new EvaluationReport(score(parsed.path("quality").path("score")), score(parsed.path("privacy").path("score")), document);
    } catch (IOException e) {
      throw EngineFailures.withheld(Kind.CRASHED, "the evaluation report could not be read", e.toString(), e);
    } finally {
      deleteQuietly(metadataFile);
      deleteQuietly(report);
    }
  }

  // ---- process plumbing

  private EntryPointOutcome run(EntryPointRunner runner, String script, List<String> args, Duration timeout, Cancellation cancellation, Consumer<JsonNode> events)
      throws IOException {
    Optional<String> problem = problem();
    if (problem.isPresent()) {
      throw unavailable(problem.get());
    }
    if (cancellation.isCancelled()) {
      throw new EngineCancelledException();
    }
    List<String> command = new ArrayList<>(List.of(settings.python().toString(), "-u", settings.engineDirectory().resolve(script).toString()));
    command.addAll(args);
    return runner.run(command, timeout, cancellation, events);
  }

  private JsonNode completedOrThrow(String what, EntryPointOutcome outcome, Duration timeout) {
    if (outcome.interrupted()) {
      throw new EngineException(Kind.CRASHED, what + " was stopped because the application is shutting down");
    }
    if (outcome.cancelled()) {
      throw new EngineCancelledException();
    }
    if (outcome.timedOut()) {
      throw new EngineException(Kind.TIMED_OUT, what + " took longer than the limit of " + human(timeout) + " and was stopped");
    }
    if (outcome.exitCode() == 0 && outcome.completed().isPresent()) {
      return outcome.completed().get();
    }
    Kind kind =
        switch (outcome.exitCode()) {
          case 2, 3 -> Kind.INVALID_INPUT;
          case 4 -> Kind.MODEL_UNUSABLE;
          default -> Kind.CRASHED;
        };
    throw EngineFailures.of(kind, what, outcome);
  }

  private static EngineException unavailable(String problem) {
    return EngineFailures.withheld(Kind.UNAVAILABLE, "the synthesis engine is not set up on this server; the log says what is missing", problem);
  }

  private static EngineException notStarted(IOException e) {
    return EngineFailures.withheld(Kind.UNAVAILABLE, "the engine could not be started", e.toString(), e);
  }

  private static void forward(JsonNode event, ProgressListener listener, List<String> warnings) {
    switch (event.path("event").asText("")) {
      case "progress" -> {
        Map<String, Double> metrics = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = event.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          if ((field.getKey().endsWith("_loss") || field.getKey().equals("loss")) && field.getValue().isNumber()) {
            metrics.put(field.getKey(), field.getValue().asDouble());
          }
        }
        Optional<Integer> epoch = integer(event, "epoch").or(() -> integer(event, "step"));
        Optional<Integer> epochs = integer(event, "epochs").or(() -> integer(event, "steps"));
        listener.progress(
            new ProgressListener.Progress(
                event.path("stage").asText("working"), epoch, epochs, metrics,
                event.hasNonNull("rows") ? Optional.of(event.get("rows").asLong()) : Optional.empty(),
                event.hasNonNull("total") ? Optional.of(event.get("total").asLong()) : Optional.empty(),
                event.path("elapsed_s").asDouble(0),
                Optional.ofNullable(event.path("table").textValue())));
      }
      case "warning" -> {
        String message = event.path("message").asText("");
        warnings.add(message);
        listener.warning(event.path("code").asText("warning"), message);
      }
      default -> {}
    }
  }

  private static Optional<Integer> integer(JsonNode event, String field) {
    return event.hasNonNull(field) && event.get(field).canConvertToInt() ? Optional.of(event.get(field).asInt()) : Optional.empty();
  }

  private static ArrayNode columns(List<ColumnSchema> columns) {
    ArrayNode array = JSON.createArrayNode();
    for (ColumnSchema column : columns) {
      ObjectNode node = array.addObject();
      node.put("name", column.name());
      node.put("type", column.type().wireName());
      column.datetimeFormat().ifPresent(f -> node.put("datetimeFormat", f));
    }
    return array;
  }

  /** The trained model's metadata.json; a missing node when the engine wrote none. */
  private static JsonNode metadata(Path model) {
    Path metadata = model.resolve("metadata.json");
    if (!Files.isRegularFile(metadata)) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(metadata.toFile());
    } catch (IOException e) {
      throw EngineFailures.withheld(Kind.CRASHED, "the trained model's description could not be read", e.toString(), e);
    }
  }

  /**
   * The rules the engine found and recorded under {@code profile.rules} of the model's metadata.json;
   * none when it recorded none (engines that did not detect rules).
   */
  private static List<ModelRule> rules(JsonNode metadata) {
    List<ModelRule> rules = new ArrayList<>();
    for (JsonNode rule : metadata.path("profile").path("rules")) {
      List<String> columns = new ArrayList<>();
      rule.path("columns").forEach(column -> columns.add(column.asText()));
      rules.add(new ModelRule(rule.path("id").asText(), rule.path("kind").asText(), columns, rule.path("text").asText(), rule.path("real_share").asDouble()));
    }
    return rules;
  }

  /**
   * How the model learns each column, recorded under {@code encodings} of the model's metadata.json
   * as {@code {column: {type, reason}}}; none when the algorithm does not choose per column.
   */
  private static List<ColumnEncoding> encodings(JsonNode metadata) {
    List<ColumnEncoding> encodings = new ArrayList<>();
    metadata.path("encodings").properties()
        .forEach(e -> encodings.add(new ColumnEncoding(e.getKey(), e.getValue().path("type").asText(), e.getValue().path("reason").asText())));
    return encodings;
  }

  private static ObjectNode anomalies(AnomalySpec spec) {
    ObjectNode node = JSON.createObjectNode();
    node.put("ratio", spec.ratio());
    if (spec.labelColumn().isPresent()) {
      node.put("label_column", spec.labelColumn().get());
    } else {
      node.putNull("label_column");
    }
    if (spec.kindColumn().isPresent()) {
      node.put("kind_column", spec.kindColumn().get());
    } else {
      node.putNull("kind_column");
    }
    if (!spec.kinds().isEmpty()) {
      ArrayNode kinds = node.putArray("kinds");
      spec.kinds().forEach(kinds::add);
    }
    return node;
  }

  private static Optional<String> delimiter(EngineRequests.Table table) {
    if (table.format() != FileFormat.CSV) {
      return Optional.empty();
    }
    return Optional.of(table.delimiter() == '\t' ? "tab" : String.valueOf(table.delimiter()));
  }


  private static double score(JsonNode node) {
    if (!node.isNumber()) {
      throw new EngineException(Kind.CRASHED, "the evaluation report has no score");
    }
    return Math.max(0, Math.min(1, node.asDouble()));
  }

  private void remember(JsonNode catalogue) {
    try {
      Files.createDirectories(settings.catalogueCache().toAbsolutePath().getParent());
      Path temporary = Files.createTempFile(settings.catalogueCache().toAbsolutePath().getParent(), ".catalogue", ".json");
      Files.writeString(temporary, JSON.writeValueAsString(catalogue));
      Files.move(temporary, settings.catalogueCache(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn("could not cache the algorithm catalogue at {}", settings.catalogueCache(), e);
    }
  }

  private static String human(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds % 3600 == 0 ? seconds / 3600 + " h" : seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.debug("could not delete {}", file, e);
    }
  }
}
