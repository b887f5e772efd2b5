package dev.doppel.adapter.engine.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.adapter.engine.entrypoint.EntryPointRunner;
import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineCancelledException;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TableSummary;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.ColumnEncoding;
import dev.doppel.domain.synthesis.ModelRule;
import dev.doppel.domain.synthesis.PrivacySpent;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter against stand-in engine scripts that follow (or break) the ai-engine's CLI contract:
 * events streamed while the process runs, exit codes mapped, stderr kept for the log but never
 * shown, timeouts and cancellation stopping the whole process group, and an environment without
 * the application's secrets.
 */
class PythonSynthesisEngineTest {
  @TempDir Path dir;

  private PythonSynthesisEngine engine(String trainScript, Duration trainTimeout) throws IOException {
    Path engineDir = Files.createDirectories(dir.resolve("engine"));
    Files.writeString(engineDir.resolve("train.py"), trainScript);
    Files.writeString(engineDir.resolve("describe.py"), """
        import json
        print(json.dumps({"algorithms": [{"name": "CTGAN", "library": "sdv", "licence": "BUSL-1.1",
          "settings": [{"name": "epochs", "type": "integer", "minimum": 1, "maximum": 10000, "default": 300},
                       {"name": "batch_size", "type": "integer", "default": 500}, {"name": "pac", "type": "integer", "default": 10}],
          "constraints": [{"rule": "multipleOf", "setting": "batch_size", "of": "pac", "message": "batch_size must be a multiple of pac"}]}]}))
        """);
    return new PythonSynthesisEngine(
        new EngineSettings(python(), engineDir, dir.resolve("catalogue.json"), trainTimeout, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(1), 0),
        WorkerPoolTest.workers(1, Optional.empty(), Duration.ofMinutes(1)));
  }

  static Path python() {
    for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    String path = System.getenv("PATH");
    for (String entry : path.split(":")) {
      Path candidate = Path.of(entry, "python3");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("python3 is needed to stand in for the engine");
  }

  private EngineRequests.Training request() throws IOException {
    Path data = Files.writeString(dir.resolve("data.csv"), "a,b\n1,x\n");
    return new EngineRequests.Training(
        new EngineRequests.Table(data, FileFormat.CSV, ',', List.of(new ColumnSchema("a", ColumnType.INTEGER, Optional.empty()))),
        new Algorithm("CTGAN"), new TrainingSettings(Map.of("epochs", 3L)), Optional.of(new TrainingSettings(Map.of("max_epsilon", 4.0))), Optional.of(1L),
        dir.resolve("model"));
  }

  private static final String STREAMING = """
      import json, sys, time
      args = sys.argv[1:]
      config = json.load(open(args[args.index("--config") + 1]))
      assert config["algorithm"] == "CTGAN" and config["epochs"] == 3 and config["seed"] == 1, config
      assert config["columns"] == [{"name": "a", "type": "integer"}], config
      assert config["differential_privacy"] == {"max_epsilon": 4.0}, config
      print("noise from a library", file=sys.stderr)
      for epoch in range(1, 4):
          print(json.dumps({"event": "progress", "stage": "fit", "epoch": epoch, "epochs": 3, "generator_loss": 1.0 / epoch, "discriminator_loss": 0.5, "elapsed_s": epoch}), flush=True)
          time.sleep(0.3)
      print(json.dumps({"event": "completed", "fit_seconds": 0.9, "generator_loss": 0.33, "differential_privacy": {"epsilon": 3.5, "delta": 1e-5}}), flush=True)
      """;

  @Test
  void streamsProgressWhileTheEngineRunsAndReturnsItsSummary() throws Exception {
    PythonSynthesisEngine engine = engine(STREAMING, Duration.ofMinutes(1));
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    List<ProgressListener.Progress> progress = new CopyOnWriteArrayList<>();
    TrainingSummary summary =
        engine.train(request(), new ProgressListener() {
          @Override
          public void progress(Progress p) {
            progress.add(p);
            arrivals.add(System.nanoTime());
          }

          @Override
          public void warning(String code, String message) {}
        }, new Cancellation());

    assertThat(progress).hasSize(3);
    assertThat(progress.get(0).epoch()).contains(1);
    assertThat(progress.get(0).epochs()).contains(3);
    assertThat(progress.get(0).metrics()).containsEntry("generator_loss", 1.0).containsEntry("discriminator_loss", 0.5);
    assertThat(Duration.ofNanos(arrivals.get(2) - arrivals.get(0))).as("events arrive as they happen, not at the end").isGreaterThan(Duration.ofMillis(400));
    assertThat(summary.fitSeconds()).isEqualTo(0.9);
    assertThat(summary.finalMetrics()).containsEntry("generator_loss", 0.33);
    assertThat(summary.privacySpent()).contains(new PrivacySpent(3.5, 1e-5));
  }

  @Test
  void readsTheRulesTheTrainingRecordedInTheModelsMetadata() throws Exception {
    PythonSynthesisEngine engine = engine("""
        import json, os, sys
        out = sys.argv[sys.argv.index("--output") + 1]
        os.makedirs(out, exist_ok=True)
        rule = {"id": "linear:total", "kind": "linear", "columns": ["total", "fare", "tip"],
                "text": "total = fare + tip + a surcharge", "real_share": 0.993, "coefficients": [1, 1]}
        json.dump({"engine": "doppel", "profile": {"columns": {}, "rules": [rule]}}, open(os.path.join(out, "metadata.json"), "w"))
        print(json.dumps({"event": "completed", "fit_seconds": 0.1}))
        """, Duration.ofMinutes(1));

    TrainingSummary summary = engine.train(request(), ProgressListener.IGNORE, new Cancellation());

    assertThat(summary.rules()).containsExactly(new ModelRule("linear:total", "linear", List.of("total", "fare", "tip"), "total = fare + tip + a surcharge", 0.993));
  }

  @Test
  void readsHowTheTrainingLearnsEachColumnInTheOrderItRecordedThem() throws Exception {
    PythonSynthesisEngine engine = engine("""
        import json, os, sys
        out = sys.argv[sys.argv.index("--output") + 1]
        os.makedirs(out, exist_ok=True)
        encodings = {"fare": {"type": "TABULAR_NUMERIC_DIGIT", "reason": "4 digit positions: learned digit by digit"},
                     "color": {"type": "TABULAR_CATEGORICAL", "reason": "3 distinct values: learned as categories"}}
        json.dump({"engine": "doppel", "profile": {"columns": {}}, "encodings": encodings}, open(os.path.join(out, "metadata.json"), "w"))
        print(json.dumps({"event": "completed", "fit_seconds": 0.1}))
        """, Duration.ofMinutes(1));

    TrainingSummary summary = engine.train(request(), ProgressListener.IGNORE, new Cancellation());

    assertThat(summary.encodings()).containsExactly(
        new ColumnEncoding("fare", "TABULAR_NUMERIC_DIGIT", "4 digit positions: learned digit by digit"),
        new ColumnEncoding("color", "TABULAR_CATEGORICAL", "3 distinct values: learned as categories"));
    assertThat(summary.rules()).isEmpty();
  }

  @Test
  void aModelWhoseMetadataRecordsNoRulesHasNone() throws Exception {
    PythonSynthesisEngine engine = engine("""
        import json, os, sys
        out = sys.argv[sys.argv.index("--output") + 1]
        os.makedirs(out, exist_ok=True)
        json.dump({"engine": "doppel", "profile": {"columns": {}}}, open(os.path.join(out, "metadata.json"), "w"))
        print(json.dumps({"event": "completed", "fit_seconds": 0.1}))
        """, Duration.ofMinutes(1));

    TrainingSummary summary = engine.train(request(), ProgressListener.IGNORE, new Cancellation());
    assertThat(summary.rules()).isEmpty();
    assertThat(summary.encodings()).isEmpty();
  }

  /** Stands in for generate.py or evaluate.py: writes its arguments beside the output, then completes. */
  private static final String RECORDING_ITS_ARGUMENTS = """
      import json, sys
      out = sys.argv[sys.argv.index("--output") + 1]
      json.dump(sys.argv[1:], open(out + ".args.json", "w"))
      open(out, "w").write(json.dumps({"quality": {"score": 0.9}, "privacy": {"score": 0.8}}))
      print(json.dumps({"event": "completed", "rows": 5, "anomalies": 0}))
      """;

  private List<String> argumentsOf(Path output) throws IOException {
    return List.of(new ObjectMapper().readValue(Files.readString(Path.of(output + ".args.json")), String[].class));
  }

  @Test
  void passesTheUtilityTargetToTheEvaluationOnlyWhenOneWasChosen() throws Exception {
    PythonSynthesisEngine engine = engine(STREAMING, Duration.ofMinutes(1));
    Files.writeString(dir.resolve("engine/evaluate.py"), RECORDING_ITS_ARGUMENTS);
    Path real = Files.writeString(dir.resolve("real.csv"), "a,b\n1,x\n");
    Path synthetic = Files.writeString(dir.resolve("synthetic.csv"), "a,b\n2,y\n");
    EngineRequests.Table table = new EngineRequests.Table(real, FileFormat.CSV, ',', List.of(new ColumnSchema("a", ColumnType.INTEGER, Optional.empty())));
    Path output = dir.resolve("synthetic.csv.report.json");

    engine.evaluate(new EngineRequests.Evaluation(table, synthetic, dir.resolve("model"), 100, Optional.of("b")), ProgressListener.IGNORE, new Cancellation());
    List<String> targeted = argumentsOf(output);
    engine.evaluate(new EngineRequests.Evaluation(table, synthetic, dir.resolve("model"), 100, Optional.empty()), ProgressListener.IGNORE, new Cancellation());
    List<String> automatic = argumentsOf(output);

    assertThat(String.join(" ", targeted)).contains("--target b");
    assertThat(automatic).doesNotContain("--target");
  }

  @Test
  void passesOnTheEnginesWordsAboutTheRequestWithAReference() throws Exception {
    PythonSynthesisEngine engine = engine("""
        import json, sys
        print(json.dumps({"event": "error", "code": "column_missing", "message": "column 'a' is in the schema but not in the data"}))
        sys.exit(3)
        """, Duration.ofMinutes(1));
    assertThatThrownBy(() -> engine.train(request(), ProgressListener.IGNORE, new Cancellation()))
        .isInstanceOf(EngineException.class)
        .hasMessageMatching("column 'a' is in the schema but not in the data \\(ref [0-9a-f]{8}\\)")
        .extracting(e -> ((EngineException) e).kind())
        .isEqualTo(EngineException.Kind.INVALID_INPUT);
  }

  @Test
  void showsAPlainMessageForAnUnreadableTableAndLogsThePathUnderTheSameReference() throws Exception {
    Failure failure = trainingFailure("""
        import json, sys
        print("Traceback (most recent call last):\\n  File \\"/opt/venv/lib/python3.11/site-packages/pandas/io/parsers.py\\"", file=sys.stderr)
        print(json.dumps({"event": "error", "code": "data_unreadable", "message": "cannot read data file /srv/doppel/files/u1/d7.csv: ParserError: Expected 3 fields"}))
        sys.exit(3)
        """);

    assertThat(failure.shown()).matches("the engine failed reading the table \\(ref [0-9a-f]{8}\\)");
    assertThat(failure.logged()).contains("/srv/doppel/files/u1/d7.csv").contains("site-packages");
  }

  @Test
  void keepsTheTailOfStderrForTheLogWhenTheEngineDiesWithoutAWord() throws Exception {
    Failure failure = trainingFailure("""
        import os, sys
        print("Traceback (most recent call last):", file=sys.stderr)
        print("  File \\"/home/doppel/.cache/doppel/venv/lib/python3.11/site-packages/torch/cuda.py\\"", file=sys.stderr)
        print("RuntimeError: CUDA driver exploded", file=sys.stderr, flush=True)
        os._exit(139)
        """);

    assertThat(failure.shown()).matches("the engine stopped unexpectedly during training \\(exit code 139\\) \\(ref [0-9a-f]{8}\\)");
    assertThat(failure.logged()).contains("RuntimeError: CUDA driver exploded").contains("site-packages/torch");
  }

  /** What a user sees of a failed training, and what the log holds under the same reference. */
  private record Failure(String shown, String logged) {}

  private Failure trainingFailure(String trainScript) throws Exception {
    PythonSynthesisEngine engine = engine(trainScript, Duration.ofMinutes(1));
    try (LogCapture logs = new LogCapture(EngineFailures.class)) {
      EngineException thrown = catchThrowableOfType(EngineException.class, () -> engine.train(request(), ProgressListener.IGNORE, new Cancellation()));
      assertThat(thrown).isNotNull();
      String reference = reference(thrown.getMessage());
      List<String> logged = logs.messages().stream().filter(line -> line.contains("(ref " + reference + ")")).toList();
      assertThat(logged).as("one log entry under the reference " + reference).hasSize(1);
      return new Failure(thrown.getMessage(), logged.get(0));
    }
  }

  private static String reference(String message) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\(ref ([0-9a-f]{8})\\)$").matcher(message);
    assertThat(matcher.find()).as(message).isTrue();
    return matcher.group(1);
  }

  private static final String HANGING_WITH_CHILD = """
      import json, subprocess, sys, time
      child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
      open(sys.argv[sys.argv.index("--output") + 1] + ".pids", "w").write(f"{child.pid}")
      print(json.dumps({"event": "progress", "stage": "fit", "epoch": 1, "epochs": 300}), flush=True)
      time.sleep(600)
      """;

  @Test
  void stopsTheWholeProcessTreeWhenCancelled() throws Exception {
    PythonSynthesisEngine engine = engine(HANGING_WITH_CHILD, Duration.ofMinutes(5));
    Cancellation cancellation = new Cancellation();
    var pool = Executors.newSingleThreadScheduledExecutor();
    List<ProgressListener.Progress> seen = new CopyOnWriteArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void progress(Progress p) {
        seen.add(p);
        pool.schedule(cancellation::cancel, 200, TimeUnit.MILLISECONDS);
      }

      @Override
      public void warning(String code, String message) {}
    };
    long started = System.nanoTime();
    assertThatThrownBy(() -> engine.train(request(), listener, cancellation)).isInstanceOf(EngineCancelledException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertNoProcessLeft();
    pool.shutdownNow();
  }

  @Test
  void stopsAnEngineThatOutlivesItsTimeout() throws Exception {
    PythonSynthesisEngine engine = engine(HANGING_WITH_CHILD, Duration.ofSeconds(2));
    assertThatThrownBy(() -> engine.train(request(), ProgressListener.IGNORE, new Cancellation()))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("longer than the limit of 2 s")
        .extracting(e -> ((EngineException) e).kind())
        .isEqualTo(EngineException.Kind.TIMED_OUT);
    assertNoProcessLeft();
  }

  @Test
  void explainsAMissingPython() throws Exception {
    PythonSynthesisEngine engine =
        new PythonSynthesisEngine(
            new EngineSettings(dir.resolve("no-such-venv/bin/python"), dir, dir.resolve("catalogue.json"), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofSeconds(30), Duration.ofSeconds(1), 0),
            WorkerPoolTest.workers(1, Optional.empty(), Duration.ofMinutes(1)));
    assertThat(engine.problem()).as("for operators").hasValueSatisfying(p -> assertThat(p).contains("was not found at").contains("no-such-venv"));
    assertThatThrownBy(() -> engine.train(request(), ProgressListener.IGNORE, new Cancellation()))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("the synthesis engine is not set up on this server")
        .hasMessageNotContaining("no-such-venv")
        .extracting(e -> ((EngineException) e).kind())
        .isEqualTo(EngineException.Kind.UNAVAILABLE);
    assertThatThrownBy(engine::describe).isInstanceOf(EngineException.class).hasMessageStartingWith("the synthesis engine is not set up").hasMessageNotContaining("no-such-venv");
  }

  @Test
  void readsTheCatalogueAndRemembersIt() throws Exception {
    PythonSynthesisEngine engine = engine(STREAMING, Duration.ofMinutes(1));
    AlgorithmCatalogue catalogue = engine.describe();
    assertThat(catalogue.names()).containsExactly("CTGAN");
    assertThat(catalogue.find("CTGAN").orElseThrow().rules()).singleElement().satisfies(r -> assertThat(r.of()).isEqualTo("pac"));
    assertThat(catalogue.find("CTGAN").orElseThrow().resolve(Map.of()).values()).containsEntry("epochs", 300L);
    assertThat(dir.resolve("catalogue.json")).exists();

    Files.delete(dir.resolve("engine/describe.py"));
    assertThat(engine.describe().names()).as("the last known catalogue survives a broken engine").containsExactly("CTGAN");
  }

  private static final String TRAIN_DATABASE = """
      import json, sys
      args = sys.argv[1:]
      config = json.load(open(args[args.index("--config") + 1]))
      document = json.load(open(args[args.index("--schema") + 1]))
      assert config == {"algorithm": "TabularARGN", "seed": 4, "max_epochs": 2}, config
      assert [t["name"] for t in document["tables"]] == ["People", "Salaries"], document
      assert document["tables"][0]["primaryKey"] == ["playerID"] and document["tables"][1]["primaryKey"] == [], document
      assert document["tables"][0]["columns"] == [{"name": "playerID", "type": "id"}], document
      assert document["relationships"] == [{"parent": "People", "parentColumns": ["playerID"], "child": "Salaries", "childColumns": ["playerID"],
                                            "orderBy": ["yearID"]}], document
      for table in ("People", "Salaries"):
          print(json.dumps({"event": "progress", "stage": "fit", "table": table, "epoch": 1, "epochs": 2, "loss": 0.5}), flush=True)
      print(json.dumps({"event": "completed", "tables": {"People": {"rows": 3, "seconds": 1.5}, "Salaries": {"rows": 7, "seconds": 2.5}}}), flush=True)
      """;

  private static final String GENERATE_DATABASE = """
      import json, sys
      args = sys.argv[1:]
      assert args[args.index("--scale") + 1] == "0.5" and args[args.index("--seed") + 1] == "9" and args[args.index("--format") + 1] == "csv", args
      assert "--anomalies" not in args and "--conditions" not in args, args
      print(json.dumps({"event": "completed", "tables": {"People": {"rows": 2, "file": "People.csv"}, "Salaries": {"rows": 5, "file": "Salaries.csv"}}}))
      """;

  /** Answers only the anomalies generate.py's spec would give, under each table's name. */
  private static final String GENERATE_DATABASE_WITH_ANOMALIES = """
      import json, sys
      args = sys.argv[1:]
      anomalies = json.loads(args[args.index("--anomalies") + 1])
      assert anomalies == {
          "Salaries": {"ratio": 0.1, "label_column": "is_anomaly", "kind_column": None},
          "People": {"ratio": 0.5, "label_column": "odd", "kind_column": "why", "kinds": ["out_of_range", "unexpected_null"]},
      }, anomalies
      print(json.dumps({"event": "completed", "tables": {
          "People": {"rows": 2, "file": "People.csv", "anomalies": 1, "anomaly_kinds": {"out_of_range": 1}},
          "Salaries": {"rows": 30, "file": "Salaries.csv", "anomalies": 3, "anomaly_kinds": {"unexpected_null": 3}},
          "Teams": {"rows": 4, "file": "Teams.csv"}}}))
      """;

  private static final String GENERATE_DATABASE_WITH_CONDITIONS = """
      import json, sys
      args = sys.argv[1:]
      conditions = args[args.index("--conditions") + 1]
      assert conditions == '{"TeamsFranchises":{"active":"Y"},"People":{"weight":"180","bats":"L"}}', conditions
      assert "--anomalies" not in args, args
      print(json.dumps({"event": "completed", "tables": {"People": {"rows": 2, "file": "People.csv"}}}))
      """;

  @Test
  void passesEachTablesFixedValuesInTheOrderAskedAsConditions() throws Exception {
    PythonSynthesisEngine engine = engine(STREAMING, Duration.ofMinutes(1));
    Files.writeString(dir.resolve("engine/generate_database.py"), GENERATE_DATABASE_WITH_CONDITIONS);
    Map<String, String> people = new LinkedHashMap<>();
    people.put("weight", "180");
    people.put("bats", "L");
    Map<String, Conditioning.FixedValues> conditions = new LinkedHashMap<>();
    conditions.put("TeamsFranchises", new Conditioning.FixedValues(Map.of("active", "Y")));
    conditions.put("People", new Conditioning.FixedValues(people));

    List<TableRows> rows = engine.generateDatabase(
        new EngineRequests.DatabaseGeneration(dir.resolve("database/model-folder"), 1, Optional.empty(), Map.of(), conditions, dir.resolve("database/batches/3")),
        ProgressListener.IGNORE, new Cancellation());

    assertThat(rows).containsExactly(new TableRows("People", 2, 0));
  }

  @Test
  void passesEachTablesAnomaliesInTheEngineSpecAndReadsTheirCounts() throws Exception {
    PythonSynthesisEngine engine = engine(STREAMING, Duration.ofMinutes(1));
    Files.writeString(dir.resolve("engine/generate_database.py"), GENERATE_DATABASE_WITH_ANOMALIES);
    Map<String, AnomalySpec> anomalies = new LinkedHashMap<>();
    anomalies.put("Salaries", new AnomalySpec(0.1, Optional.of("is_anomaly"), Optional.empty(), List.of()));
    anomalies.put("People", new AnomalySpec(0.5, Optional.of("odd"), Optional.of("why"), List.of("out_of_range", "unexpected_null")));

    List<TableRows> rows = engine.generateDatabase(
        new EngineRequests.DatabaseGeneration(dir.resolve("database/model-folder"), 1, Optional.empty(), anomalies, Map.of(), dir.resolve("database/batches/2")),
        ProgressListener.IGNORE, new Cancellation());

    assertThat(rows).containsExactly(new TableRows("People", 2, 1), new TableRows("Salaries", 30, 3), new TableRows("Teams", 4, 0));
  }

  @Test
  void trainsADatabaseFromItsDocumentWithProgressPerTableAndGeneratesIt() throws Exception {
    PythonSynthesisEngine engine = engine(STREAMING, Duration.ofMinutes(1));
    Files.writeString(dir.resolve("engine/train_database.py"), TRAIN_DATABASE);
    Files.writeString(dir.resolve("engine/generate_database.py"), GENERATE_DATABASE);
    Path people = Files.writeString(dir.resolve("people.csv"), "playerID\na\n");
    Path salaries = Files.writeString(dir.resolve("salaries.csv"), "playerID,yearID\na,1\n");
    EngineRequests.DatabaseTraining request = new EngineRequests.DatabaseTraining(
        List.of(
            new EngineRequests.DatabaseTable("People", new EngineRequests.Table(people, FileFormat.CSV, ',', List.of(new ColumnSchema("playerID", ColumnType.ID, Optional.empty()))), List.of("playerID")),
            new EngineRequests.DatabaseTable("Salaries", new EngineRequests.Table(salaries, FileFormat.CSV, ',', List.of()), List.of())),
        List.of(new EngineRequests.DatabaseLink("People", List.of("playerID"), "Salaries", List.of("playerID"), List.of("yearID"))),
        new Algorithm("TabularARGN"), new TrainingSettings(Map.of("max_epochs", 2L)), Optional.of(4L), dir.resolve("database/model-folder"));
    List<String> tables = new CopyOnWriteArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void progress(Progress p) {
        tables.add(p.table().orElseThrow());
      }

      @Override
      public void warning(String code, String message) {}
    };

    List<TableSummary> summary = engine.trainDatabase(request, listener, new Cancellation());
    List<TableRows> rows = engine.generateDatabase(
        new EngineRequests.DatabaseGeneration(request.modelFolder(), 0.5, Optional.of(9L), Map.of(), Map.of(), dir.resolve("database/batches/1")), ProgressListener.IGNORE,
        new Cancellation());

    assertThat(tables).containsExactly("People", "Salaries");
    assertThat(summary).containsExactly(new TableSummary("People", 3, 1.5), new TableSummary("Salaries", 7, 2.5));
    assertThat(rows).containsExactly(new TableRows("People", 2, 0), new TableRows("Salaries", 5, 0));
    assertThat(dir.resolve("database")).isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".json"));
  }

  private static final String EVALUATE_DATABASE = """
      import json, sys
      args = sys.argv[1:]
      value = lambda flag: args[args.index(flag) + 1]
      schema = json.load(open(value("--schema")))
      synthetic = json.load(open(value("--synthetic")))
      assert [t["name"] for t in schema["tables"]] == ["People", "Salaries"] and schema["tables"][0]["primaryKey"] == ["playerID"], schema
      assert schema["relationships"] == [{"parent": "People", "parentColumns": ["playerID"], "child": "Salaries", "childColumns": ["playerID"], "orderBy": ["yearID"]}]
      assert list(synthetic) == ["People", "Salaries"] and synthetic["Salaries"].endswith("table-1.csv"), synthetic
      assert value("--scope") == "scores" and value("--max-rows") == "500", args
      report = {"relationships": [{"parent": "People", "child": "Salaries", "integrity": {"childRows": 1, "orphans": 0, "share": 1.0}}], "summary": {"integrity": 1.0}}
      json.dump(report, open(value("--output"), "w"))
      print(json.dumps({"event": "completed", "output": value("--output"), "integrity": 1.0}))
      """;

  @Test
  void evaluatesADatabaseFromTheRealTablesDocumentAndEachTablesSyntheticFileAndReturnsTheReport() throws Exception {
    PythonSynthesisEngine engine = engine(STREAMING, Duration.ofMinutes(1));
    Files.writeString(dir.resolve("engine/evaluate_database.py"), EVALUATE_DATABASE);
    Path people = Files.writeString(dir.resolve("people.csv"), "playerID\na\n");
    Path salaries = Files.writeString(dir.resolve("salaries.csv"), "playerID,yearID\na,1\n");
    Path batch = Files.createDirectories(dir.resolve("database/batches/1"));
    Map<String, Path> synthetic = new LinkedHashMap<>();
    synthetic.put("People", Files.writeString(batch.resolve("table-0.csv"), "playerID\nb\n"));
    synthetic.put("Salaries", Files.writeString(batch.resolve("table-1.csv"), "playerID,yearID\nb,2\n"));
    EngineRequests.DatabaseEvaluation request = new EngineRequests.DatabaseEvaluation(
        List.of(
            new EngineRequests.DatabaseTable("People", new EngineRequests.Table(people, FileFormat.CSV, ',', List.of(new ColumnSchema("playerID", ColumnType.ID, Optional.empty()))), List.of("playerID")),
            new EngineRequests.DatabaseTable("Salaries", new EngineRequests.Table(salaries, FileFormat.CSV, ',', List.of()), List.of())),
        List.of(new EngineRequests.DatabaseLink("People", List.of("playerID"), "Salaries", List.of("playerID"), List.of("yearID"))),
        synthetic, 500, batch.resolve("evaluation-report.json"));

    String report = engine.evaluateDatabase(request, ProgressListener.IGNORE, new Cancellation());

    assertThat(new ObjectMapper().readTree(report).at("/relationships/0/integrity/share").asDouble()).isEqualTo(1.0);
    assertThat(batch).isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".json"));
  }

  private static final String REPORTING_ITS_PID = """
      import json, os, time
      print(json.dumps({"event": "progress", "stage": "fit", "epoch": 1, "epochs": 300, "rows": os.getpid()}), flush=True)
      time.sleep(600)
      """;

  /** The build starts this test's JVM with DOPPEL_JWT_SECRET and DOPPEL_DB_PASSWORD set (see the pom). */
  @Test
  void startsTheEngineWithoutTheApplicationsSecretsInItsEnvironment() throws Exception {
    assertThat(System.getenv()).as("the secrets the engine must not see").containsKeys("DOPPEL_JWT_SECRET", "DOPPEL_DB_PASSWORD");
    PythonSynthesisEngine engine = engine(REPORTING_ITS_PID, Duration.ofMinutes(1));
    Cancellation cancellation = new Cancellation();
    Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void progress(Progress p) {
        seen.putAll(environmentOf(p.rows().orElseThrow()));
        cancellation.cancel();
      }

      @Override
      public void warning(String code, String message) {}
    };

    assertThatThrownBy(() -> engine.train(request(), listener, cancellation)).isInstanceOf(EngineCancelledException.class);

    assertThat(seen).as("the running engine's /proc/<pid>/environ").containsKeys("PATH", "PYTHONUNBUFFERED");
    assertThat(seen).doesNotContainKeys("DOPPEL_JWT_SECRET", "DOPPEL_DB_PASSWORD");
    assertThat(seen.values()).doesNotContain(System.getenv("DOPPEL_JWT_SECRET"), System.getenv("DOPPEL_DB_PASSWORD"));
  }

  private static Map<String, String> environmentOf(long pid) {
    try {
      Map<String, String> environment = new java.util.HashMap<>();
      for (String entry : new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")), java.nio.charset.StandardCharsets.UTF_8).split("\0")) {
        int equals = entry.indexOf('=');
        if (equals > 0) {
          environment.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
      }
      return environment;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Forks late, and the way worker pools do: the worker is detached from the engine's process tree
   * (its parent exits) and ignores SIGTERM. Only a signal to the process group reaches it.
   */
  private static final String FORKING_A_DETACHED_WORKER_LATER = """
      import json, os, signal, sys, time
      print(json.dumps({"event": "progress", "stage": "fit", "epoch": 1, "epochs": 300}), flush=True)
      time.sleep(0.5)
      if os.fork() == 0:
          if os.fork() == 0:
              signal.signal(signal.SIGTERM, signal.SIG_IGN)
              open(sys.argv[sys.argv.index("--output") + 1] + ".pids", "w").write(f"{os.getpid()}")
              time.sleep(600)
          os._exit(0)
      time.sleep(0.5)
      print(json.dumps({"event": "progress", "stage": "fit", "epoch": 2, "epochs": 300}), flush=True)
      time.sleep(600)
      """;

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a surviving worker holds the engine's output open
  void cancelStopsAWorkerForkedAfterTheStartThatLeftTheProcessTree() throws Exception {
    PythonSynthesisEngine engine = engine(FORKING_A_DETACHED_WORKER_LATER, Duration.ofMinutes(5));
    Cancellation cancellation = new Cancellation();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void progress(Progress p) {
        if (p.epoch().orElseThrow() == 2) {
          cancellation.cancel();
        }
      }

      @Override
      public void warning(String code, String message) {}
    };

    assertThatThrownBy(() -> engine.train(request(), listener, cancellation)).isInstanceOf(EngineCancelledException.class);

    assertNoProcessLeft();
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anEngineThatCompletesLeavesNoWorkerBehindEvenOneHoldingItsOutput() throws Exception {
    PythonSynthesisEngine engine = engine("""
        import json, os, signal, sys, time
        if os.fork() == 0:
            if os.fork() == 0:
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                open(sys.argv[sys.argv.index("--output") + 1] + ".pids", "w").write(f"{os.getpid()}")
                time.sleep(600)
            os._exit(0)
        time.sleep(0.5)
        print(json.dumps({"event": "completed", "fit_seconds": 0.5}), flush=True)
        """, Duration.ofMinutes(5));
    long started = System.nanoTime();

    assertThat(engine.train(request(), ProgressListener.IGNORE, new Cancellation()).fitSeconds()).isEqualTo(0.5);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertNoProcessLeft();
  }

  private void assertNoProcessLeft() throws IOException, InterruptedException {
    Path pids = dir.resolve("model.pids");
    assertThat(pids).exists();
    long child = Long.parseLong(Files.readString(pids).strip());
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (running(child) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(running(child)).as("the engine's child process was stopped").isFalse();
    assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("train.py")).toList()).isEmpty();
  }

  /** Alive and not a zombie: a killed orphan stays a zombie until its new parent reaps it. */
  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void givenAnotherJobRunnerGenerationRunsGeneratePyWithTheWorkersOptionsAsFlagsAndTheGivenRowsAsACsvFile() throws IOException {
    Path engineDir = Files.createDirectories(dir.resolve("engine"));
    Files.writeString(engineDir.resolve("train.py"), "");
    Files.writeString(engineDir.resolve("generate.py"), """
        import json, sys
        args = sys.argv[1:]
        rows = open(args[args.index("--partial-rows") + 1], encoding="utf-8").read()
        print(json.dumps({"event": "completed", "rows": 2, "anomalies": 0, "args": args, "given": rows}))
        """);
    List<List<String>> commands = new CopyOnWriteArrayList<>();
    List<JsonNode> completed = new CopyOnWriteArrayList<>();
    EntryPointRunner recordingLocalRunner =
        (command, timeout, cancellation, events) -> {
          commands.add(command);
          return EngineProcess.run(command, Map.of(), timeout, Duration.ofSeconds(1), cancellation, event -> {
            completed.add(event);
            events.accept(event);
          });
        };
    PythonSynthesisEngine engine =
        new PythonSynthesisEngine(
            new EngineSettings(python(), engineDir, dir.resolve("catalogue.json"), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(1), 0),
            WorkerPoolTest.workers(1, Optional.empty(), Duration.ofMinutes(1)), recordingLocalRunner);
    Map<String, String> first = new LinkedHashMap<>();
    first.put("species", "Adelie");
    first.put("note", "says \"hi\", twice");
    EngineRequests.Generation request =
        new EngineRequests.Generation(
            dir.resolve("model"), 2, Optional.of(new AnomalySpec(0.5, Optional.of("is_anomaly"), Optional.empty(), List.of())), Optional.of(9L),
            List.of("linear:total", "order:a<b"), Optional.of(new EngineRequests.Given(new Conditioning.GivenRows(List.of(first, Map.of("island", "Biscoe"))), Optional.empty())),
            dir.resolve("out/batch.csv"));

    EngineRequests.GeneratedFile file = engine.generate(request, ProgressListener.IGNORE, new Cancellation());

    assertThat(file.rows()).isEqualTo(2);
    assertThat(commands).hasSize(1);
    assertThat(commands.get(0).subList(1, 3)).containsExactly("-u", engineDir.resolve("generate.py").toString());
    List<String> args = new ArrayList<>();
    completed.get(0).path("args").forEach(arg -> args.add(arg.asText()));
    assertThat(args).containsSubsequence("--model", dir.resolve("model").toString()).containsSubsequence("--output", dir.resolve("out/batch.csv").toString())
        .containsSubsequence("--seed", "9").containsSubsequence("--rules-off", "linear:total", "--rules-off", "order:a<b").doesNotContain("--count");
    assertThat(new ObjectMapper().readTree(args.get(args.indexOf("--anomalies") + 1)).path("ratio").asDouble()).isEqualTo(0.5);
    assertThat(completed.get(0).path("given").asText()).isEqualTo("\"species\",\"note\",\"island\"\n\"Adelie\",\"says \"\"hi\"\", twice\",\n,,\"Biscoe\"\n");
    try (var left = Files.list(dir.resolve("out"))) {
      assertThat(left.map(p -> p.getFileName().toString())).as("the given rows' file is removed").noneMatch(name -> name.startsWith(".given-rows-"));
    }
  }
}
