package dev.doppel.bootstrap.testengine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineCancelledException;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TableSummary;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.AlgorithmDescriptor;
import dev.doppel.domain.synthesis.ModelRule;
import dev.doppel.domain.synthesis.PrivacySpent;
import dev.doppel.domain.synthesis.RelationalSupport;
import dev.doppel.domain.synthesis.SettingRule;
import dev.doppel.domain.synthesis.SettingSpec.SettingType;
import dev.doppel.domain.synthesis.SettingSpec;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deterministic engine for the full-stack suite. It offers GaussianCopula and CTGAN with the real
 * engine's settings, plus TestFail, TestCrash and TestHang, which fail, crash or hang on demand, and
 * TestScripted, whose {@code script} setting makes a later step fail with a {@link #LONG_FAILURE}
 * message or makes generation hang until cancelled, and which alone learns databases ({@link
 * TestDatabases}).
 * "Training" records the real file and finds one rule, its second column determined by its first;
 * "generation" replays its rows in order with exact anomaly labels; "evaluation" reports fixed
 * scores, the utility target it was given, the rule's shares, and a detection AUC and a histogram
 * for every column under the column's own name. CSV tables only.
 */
public class TestSynthesisEngine implements SynthesisEngine {
  static final Duration STEP = Duration.ofMillis(40);
  /** A 10,000-character engine error, five times what a job's row keeps. */
  public static final String LONG_FAILURE = ("column ' padded ' is not in the table: " + "0123456789".repeat(1000)).substring(0, 10_000);
  public static final List<String> SCRIPTS =
      List.of("fail_long_in_training", "fail_long_in_generation", "fail_long_in_evaluation", "hang_in_generation", "crash_once_in_sampling");
  /** The kinds of conditioning GaussianCopula and TestScripted offer; CTGAN offers none. */
  static final List<String> KINDS = List.of(Conditioning.FIXED, Conditioning.PARTIAL_ROWS, Conditioning.REBALANCE, Conditioning.IMPUTE);
  private static final String SCRIPT_FILE = "script.txt";
  private static final String ALGORITHM_FILE = "algorithm.txt";
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Where an app started by a test that runs several nodes (system property {@value}) notes each
   * training it starts, and marks the model folder as in use, so the test can count the runs and
   * see that no other node touched a running job's files.
   */
  public static final String RUN_LOG = "doppel.test-engine.run-log";
  /** The file a training of such an app writes into its model folder as soon as it starts. */
  public static final String RUNNING_MARKER = "running.txt";

  /** The seed a sample reports when none was asked for. */
  static final long SEED_WHEN_NONE_GIVEN = 42;

  /** Samples generated for an evaluation that its script says must fail. */
  private final Set<Path> failingSamples = ConcurrentHashMap.newKeySet();
  /** Models sampled once already: "loaded" in a warm worker. */
  private final Set<Path> warmModels = ConcurrentHashMap.newKeySet();
  /** Models scripted to crash once in sampling that have. */
  private final Set<Path> crashedOnce = ConcurrentHashMap.newKeySet();

  @Override
  public AlgorithmCatalogue describe() {
    SettingSpec epochs = integer("epochs", 300, 1, 10_000);
    SettingSpec batchSize = integer("batch_size", 500, 2, 100_000);
    SettingSpec pac = integer("pac", 10, 1, 100);
    SettingSpec distribution =
        new SettingSpec("default_distribution", SettingType.STRING, Optional.of("beta"), Optional.empty(), Optional.empty(), Optional.empty(),
            List.of("norm", "beta", "truncnorm", "gamma", "uniform", "gaussian_kde"), "marginal distribution");
    return new AlgorithmCatalogue(
        List.of(
            conditional("GaussianCopula", List.of(distribution), List.of(), KINDS),
            descriptor("CTGAN", List.of(epochs, batchSize, pac), List.of(new SettingRule(SettingRule.MULTIPLE_OF, "batch_size", "pac", "batch_size must be a multiple of pac"))),
            descriptor("TestFail", List.of(epochs), List.of()),
            descriptor("TestCrash", List.of(epochs), List.of()),
            descriptor("TestHang", List.of(epochs), List.of()),
            new AlgorithmDescriptor(
                new Algorithm("TestScripted"), "doppel-test", Optional.of("1.0"), "Apache-2.0", "test double: TestScripted", false,
                List.of(epochs, new SettingSpec("script", SettingType.STRING, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), SCRIPTS, "what goes wrong later")),
                List.of(), List.of(), KINDS, new RelationalSupport(true, true, true), true),
            new AlgorithmDescriptor(
                new Algorithm("TestDatabaseOnly"), "doppel-test", Optional.of("1.0"), "Apache-2.0", "test double that learns related tables only", false,
                List.of(epochs), List.of(), List.of(), List.of(), new RelationalSupport(true, false, false), false),
            new AlgorithmDescriptor(
                new Algorithm("TestPrivate"), "doppel-test", Optional.of("1.0"), "Apache-2.0", "test double with differential privacy", true,
                List.of(epochs), List.of(),
                List.of(
                    new SettingSpec("max_epsilon", SettingType.NUMBER, Optional.of(10.0), Optional.of(0.01), Optional.of(1000.0), Optional.empty(), List.of(), "largest ε"),
                    new SettingSpec("delta", SettingType.NUMBER, Optional.of(1e-5), Optional.of(0.0), Optional.of(0.1), Optional.empty(), List.of(), "δ")),
                List.of())));
  }

  @Override
  public TrainingSummary train(EngineRequests.Training request, ProgressListener listener, Cancellation cancellation) {
    String algorithm = request.algorithm().name();
    Optional<String> script = request.settings().get("script").map(String.class::cast);
    if (script.filter("fail_long_in_training"::equals).isPresent()) {
      throw new EngineException(EngineException.Kind.INVALID_INPUT, LONG_FAILURE);
    }
    noteStart(request.modelFolder());
    int epochs = request.settings().integer("epochs").map(Long::intValue).orElse(3);
    for (int epoch = 1; algorithm.equals("TestHang") || epoch <= epochs; epoch++) {
      pause(cancellation);
      if (algorithm.equals("TestFail") && epoch == 2) {
        throw new EngineException(EngineException.Kind.INVALID_INPUT, "column 'age' has no values to learn from");
      }
      if (algorithm.equals("TestCrash") && epoch == 2) {
        throw new EngineException(EngineException.Kind.CRASHED, "the engine stopped unexpectedly during training (exit code 139)");
      }
      listener.progress(
          new ProgressListener.Progress(
              "fit", Optional.of(epoch), Optional.of(epochs), Map.of("loss", 1.0 / epoch), Optional.empty(), Optional.empty(), epoch * 0.04));
    }
    try {
      Files.createDirectories(request.modelFolder());
      Files.writeString(request.modelFolder().resolve("source.txt"), request.data().file().toString());
      Files.writeString(request.modelFolder().resolve(ALGORITHM_FILE), algorithm);
      if (script.isPresent()) {
        Files.writeString(request.modelFolder().resolve(SCRIPT_FILE), script.get());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<PrivacySpent> spent =
        request.differentialPrivacy()
            .map(dp -> new PrivacySpent(Math.min(1.5, ((Number) dp.get("max_epsilon").orElseThrow()).doubleValue()), ((Number) dp.get("delta").orElseThrow()).doubleValue()));
    return new TrainingSummary(epochs * 0.04, Map.of("loss", 1.0 / epochs), List.of(), spent, rules(request.data().columns()));
  }

  @Override
  public EngineRequests.GeneratedFile generate(EngineRequests.Generation request, ProgressListener listener, Cancellation cancellation) {
    try {
      switch (script(request.modelFolder())) {
        case "fail_long_in_generation" -> throw new EngineException(EngineException.Kind.CRASHED, LONG_FAILURE);
        case "hang_in_generation" -> hang(request.output(), cancellation);
        case "fail_long_in_evaluation" -> failingSamples.add(request.output());
        default -> {}
      }
      EngineRequests.GeneratedFile file = write(request, cancellation);
      listener.progress(new ProgressListener.Progress("sample", Optional.empty(), Optional.empty(), Map.of(), Optional.of(file.rows()), Optional.of(file.rows()), 0));
      return file;
    } catch (IOException e) {
      throw new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the test model is unreadable: " + e.getMessage(), e);
    }
  }

  /** Learns each table for {@code epochs} steps (3 by default), reporting progress with the table's name. */
  @Override
  public List<TableSummary> trainDatabase(EngineRequests.DatabaseTraining request, ProgressListener listener, Cancellation cancellation) {
    int epochs = request.settings().integer("epochs").map(Long::intValue).orElse(3);
    for (EngineRequests.DatabaseTable table : request.tables()) {
      for (int epoch = 1; epoch <= epochs; epoch++) {
        pause(cancellation);
        listener.progress(
            new ProgressListener.Progress("fit", Optional.of(epoch), Optional.of(epochs), Map.of("loss", 1.0 / epoch), Optional.empty(), Optional.empty(), epoch * 0.04,
                Optional.of(table.name())));
      }
    }
    try {
      return TestDatabases.train(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<TableRows> generateDatabase(EngineRequests.DatabaseGeneration request, ProgressListener listener, Cancellation cancellation) {
    try {
      return TestDatabases.generate(request, () -> pause(cancellation));
    } catch (IOException e) {
      throw new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the test database model is unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public String evaluateDatabase(EngineRequests.DatabaseEvaluation request, ProgressListener listener, Cancellation cancellation) {
    pause(cancellation);
    try {
      return TestDatabases.evaluate(request);
    } catch (IOException e) {
      throw new EngineException(EngineException.Kind.INVALID_INPUT, "a table of the database could not be read: " + e.getMessage(), e);
    }
  }

  /**
   * As generation, within the call. A model scripted {@code crash_once_in_sampling} fails its first
   * sample as a worker that died would, and samples again afterwards.
   */
  @Override
  public EngineRequests.Sampled sample(EngineRequests.Generation request, Cancellation cancellation) {
    long started = System.nanoTime();
    try {
      if (script(request.modelFolder()).equals("crash_once_in_sampling") && crashedOnce.add(request.modelFolder())) {
        throw new EngineException(EngineException.Kind.UNAVAILABLE, "the engine worker stopped while answering (exit code 137); a new one is starting, try again");
      }
      boolean loaded = warmModels.add(request.modelFolder());
      EngineRequests.GeneratedFile file = write(request, cancellation);
      return new EngineRequests.Sampled(file, request.seed().orElse(SEED_WHEN_NONE_GIVEN), loaded, Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException e) {
      throw new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the test model is unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public long check(EngineRequests.ConditioningCheck request) {
    try {
      return given(request.modelFolder(), request.given(), request.rows()).size();
    } catch (IOException e) {
      throw new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the test model is unreadable: " + e.getMessage(), e);
    }
  }

  /** The source's rows in order, repeated, under the given cells, with exact anomaly labels. */
  private EngineRequests.GeneratedFile write(EngineRequests.Generation request, Cancellation cancellation) throws IOException {
    TestRows source = TestRows.of(source(request.modelFolder()));
    List<Map<String, String>> given = request.given().isPresent() ? given(request.modelFolder(), request.given().get(), request.rows()) : List.of();
    long rows = request.given().isPresent() ? given.size() : request.rows();
    boolean imputing = request.given().filter(g -> g.conditioning() instanceof Conditioning.Imputation).isPresent();
    long anomalies = request.anomalies().map(a -> a.anomalousRows(rows)).orElse(0L);
    Optional<String> label = request.anomalies().flatMap(AnomalySpec::labelColumn);
    Files.createDirectories(request.output().getParent());
    try (BufferedWriter out = Files.newBufferedWriter(request.output(), StandardCharsets.UTF_8)) {
      out.write(String.join(",", source.columns()) + label.map(l -> "," + l).orElse(""));
      out.write("\n");
      for (long i = 0; i < rows; i++) {
        if (cancellation.isCancelled()) {
          throw new EngineCancelledException();
        }
        out.write(source.row(i, given.isEmpty() ? Map.of() : given.get((int) i), imputing));
        if (label.isPresent()) {
          out.write(i < anomalies ? ",true" : ",false");
        }
        out.write("\n");
      }
    }
    return new EngineRequests.GeneratedFile(request.output(), rows, anomalies);
  }

  /** The given cells of each row, refused when the model's algorithm cannot condition that way or a value is impossible. */
  private List<Map<String, String>> given(Path modelFolder, EngineRequests.Given given, long rows) throws IOException {
    String algorithm = Files.readString(modelFolder.resolve(ALGORITHM_FILE));
    List<String> kinds = describe().find(algorithm).map(AlgorithmDescriptor::conditioning).orElse(List.of());
    if (!kinds.contains(given.conditioning().kind())) {
      throw new EngineException(
          EngineException.Kind.INVALID_INPUT,
          algorithm + " cannot do " + given.conditioning().kind() + " conditioning; it can do: " + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
    }
    return TestRows.of(source(modelFolder)).given(given, rows);
  }

  private static Path source(Path modelFolder) throws IOException {
    return Path.of(Files.readString(modelFolder.resolve("source.txt")));
  }

  private static String script(Path modelFolder) throws IOException {
    Path scriptFile = modelFolder.resolve(SCRIPT_FILE);
    return Files.exists(scriptFile) ? Files.readString(scriptFile) : "";
  }

  @Override
  public EvaluationReport evaluate(EngineRequests.Evaluation request, ProgressListener listener, Cancellation cancellation) {
    if (failingSamples.remove(request.synthetic())) {
      throw new EngineException(EngineException.Kind.CRASHED, LONG_FAILURE);
    }
    List<String> columns = request.real().columns().stream().map(c -> c.name()).toList();
    Map<String, Object> document =
        Map.of(
            "quality", Map.of("score", 0.9, "column_shapes", 0.92, "column_pair_trends", 0.88, "columns", List.of(), "pairs", List.of()),
            "privacy", Map.of("score", 0.8, "dcr_baseline_protection", 0.8, "exact_copy_share", 0.0),
            "detection", Map.of("score", 0.8, "auc", 0.6, "columns", columns.stream().map(c -> Map.of("column", c, "auc", 0.6)).toList(), "pairs", List.of()),
            "charts",
            Map.of(
                "histograms",
                columns.stream().map(c -> Map.of("column", c, "kind", "categorical", "bins", List.of("a", "b"), "real", List.of(0.5, 0.5), "synthetic", List.of(0.6, 0.4)))
                    .toList(),
                "correlation", Map.of("columns", columns, "real", List.of(), "synthetic", List.of())),
            "rules", rulesReport(request.real().columns()));
    Map<String, Object> withUtility = new LinkedHashMap<>(document);
    withUtility.put("utility", request.target().map(target -> Map.of("target", target)).orElse(null));
    try {
      return new EvaluationReport(0.9, 0.8, JSON.writeValueAsString(withUtility));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ModelRule> rules(List<ColumnSchema> columns) {
    if (columns.size() < 2) {
      return List.of();
    }
    String determined = columns.get(1).name();
    String by = columns.get(0).name();
    return List.of(new ModelRule("dependency:" + determined, "dependency", List.of(determined, by), determined + " is determined by " + by, 1.0));
  }

  private static List<Map<String, Object>> rulesReport(List<ColumnSchema> columns) {
    return rules(columns).stream()
        .map(rule -> Map.<String, Object>of("id", rule.id(), "kind", rule.kind(), "real_share", rule.realShare(), "synthetic_share", 0.5))
        .toList();
  }

  /** Starts the output file, as a real engine would, then waits until cancelled. */
  private static void hang(Path output, Cancellation cancellation) throws IOException {
    Files.createDirectories(output.getParent());
    Files.writeString(output, "partial\n");
    while (true) {
      pause(cancellation);
    }
  }

  private static void noteStart(Path modelFolder) {
    String runLog = System.getProperty(RUN_LOG);
    if (runLog == null) {
      return;
    }
    try {
      Files.createDirectories(modelFolder);
      Files.writeString(modelFolder.resolve(RUNNING_MARKER), "training");
      Files.writeString(Path.of(runLog), modelFolder + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause(Cancellation cancellation) {
    if (cancellation.isCancelled()) {
      throw new EngineCancelledException();
    }
    try {
      Thread.sleep(STEP.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException(EngineException.Kind.CRASHED, "training was stopped because the application is shutting down");
    }
    if (cancellation.isCancelled()) {
      throw new EngineCancelledException();
    }
  }

  private static SettingSpec integer(String name, long defaultValue, double min, double max) {
    return new SettingSpec(name, SettingType.INTEGER, Optional.of(defaultValue), Optional.of(min), Optional.of(max), Optional.empty(), List.of(), name);
  }

  private static AlgorithmDescriptor conditional(String name, List<SettingSpec> settings, List<SettingRule> rules, List<String> conditioning) {
    return new AlgorithmDescriptor(new Algorithm(name), "doppel-test", Optional.of("1.0"), "Apache-2.0", "test double: " + name, false, settings, rules, List.of(), conditioning);
  }

  private static AlgorithmDescriptor descriptor(String name, List<SettingSpec> settings, List<SettingRule> rules) {
    return new AlgorithmDescriptor(new Algorithm(name), "doppel-test", Optional.of("1.0"), "Apache-2.0", "test double: " + name, settings, rules);
  }
}
