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
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.AlgorithmDescriptor;
import dev.doppel.domain.synthesis.ModelRule;
import dev.doppel.domain.synthesis.PrivacySpent;
import dev.doppel.domain.synthesis.SettingRule;
import dev.doppel.domain.synthesis.SettingSpec;
import dev.doppel.domain.synthesis.SettingSpec.SettingType;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * message or makes generation hang until cancelled.
 * "Training" records the real file and finds one rule, its second column determined by its first;
 * "generation" replays its rows in order with exact anomaly labels; "evaluation" reports fixed
 * scores, the utility target it was given, the rule's shares, and a detection AUC and a histogram
 * for every column under the column's own name. CSV tables only.
 */
public class TestSynthesisEngine implements SynthesisEngine {
  static final Duration STEP = Duration.ofMillis(40);
  /** A 10,000-character engine error, five times what a job's row keeps. */
  public static final String LONG_FAILURE = ("column ' padded ' is not in the table: " + "0123456789".repeat(1000)).substring(0, 10_000);
  public static final List<String> SCRIPTS = List.of("fail_long_in_training", "fail_long_in_generation", "fail_long_in_evaluation", "hang_in_generation");
  private static final String SCRIPT_FILE = "script.txt";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Samples generated for an evaluation that its script says must fail. */
  private final Set<Path> failingSamples = ConcurrentHashMap.newKeySet();

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
            descriptor("GaussianCopula", List.of(distribution), List.of()),
            descriptor("CTGAN", List.of(epochs, batchSize, pac), List.of(new SettingRule(SettingRule.MULTIPLE_OF, "batch_size", "pac", "batch_size must be a multiple of pac"))),
            descriptor("TestFail", List.of(epochs), List.of()),
            descriptor("TestCrash", List.of(epochs), List.of()),
            descriptor("TestHang", List.of(epochs), List.of()),
            descriptor(
                "TestScripted",
                List.of(epochs, new SettingSpec("script", SettingType.STRING, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), SCRIPTS, "what goes wrong later")),
                List.of()),
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
      Path scriptFile = request.modelFolder().resolve(SCRIPT_FILE);
      String script = Files.exists(scriptFile) ? Files.readString(scriptFile) : "";
      switch (script) {
        case "fail_long_in_generation" -> throw new EngineException(EngineException.Kind.CRASHED, LONG_FAILURE);
        case "hang_in_generation" -> hang(request.output(), cancellation);
        case "fail_long_in_evaluation" -> failingSamples.add(request.output());
        default -> {}
      }
      Path source = Path.of(Files.readString(request.modelFolder().resolve("source.txt")));
      List<String> lines;
      try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
        lines = reader.lines().toList();
      }
      String header = lines.get(0);
      List<String> rows = lines.subList(1, lines.size());
      long anomalies = request.anomalies().map(a -> a.anomalousRows(request.rows())).orElse(0L);
      Optional<String> label = request.anomalies().flatMap(AnomalySpec::labelColumn);
      Files.createDirectories(request.output().getParent());
      try (BufferedWriter out = Files.newBufferedWriter(request.output(), StandardCharsets.UTF_8)) {
        out.write(header + label.map(l -> "," + l).orElse(""));
        out.write("\n");
        for (long i = 0; i < request.rows(); i++) {
          if (cancellation.isCancelled()) {
            throw new EngineCancelledException();
          }
          out.write(rows.get((int) (i % rows.size())));
          if (label.isPresent()) {
            out.write(i < anomalies ? ",true" : ",false");
          }
          out.write("\n");
        }
      }
      listener.progress(new ProgressListener.Progress("sample", Optional.empty(), Optional.empty(), Map.of(), Optional.of(request.rows()), Optional.of(request.rows()), 0));
      return new EngineRequests.GeneratedFile(request.output(), request.rows(), anomalies);
    } catch (IOException e) {
      throw new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the test model is unreadable: " + e.getMessage(), e);
    }
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

  private static AlgorithmDescriptor descriptor(String name, List<SettingSpec> settings, List<SettingRule> rules) {
    return new AlgorithmDescriptor(new Algorithm(name), "doppel-test", Optional.of("1.0"), "Apache-2.0", "test double: " + name, settings, rules);
  }
}
