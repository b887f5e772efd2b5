package dev.doppel.application.port.out;

import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.TrainingSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The value objects the synthesis engine port takes and returns. */
public final class EngineRequests {
  private EngineRequests() {}

  /** A real table on disk, with the layout and the column types the platform inferred. */
  public record Table(Path file, FileFormat format, char delimiter, List<ColumnSchema> columns) {
    public Table {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(format, "format");
      columns = List.copyOf(columns);
    }
  }

  /**
   * @param differentialPrivacy the privacy settings when the training must be differentially private
   * @param modelFolder the folder the trained model is written to (created by the engine)
   */
  public record Training(
      Table data, Algorithm algorithm, TrainingSettings settings, Optional<TrainingSettings> differentialPrivacy, Optional<Long> seed, Path modelFolder) {
    public Training {
      Objects.requireNonNull(differentialPrivacy, "differentialPrivacy");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(seed, "seed");
      Objects.requireNonNull(modelFolder, "modelFolder");
    }
  }

  /**
   * @param rows the rows to generate; with given rows (partial rows, a table to impute) their number
   * @param rulesOff ids of the model's rules the generated rows need not keep
   * @param given what the rows are given before the model fills in the rest; empty for plain generation
   */
  public record Generation(Path modelFolder, long rows, Optional<AnomalySpec> anomalies, Optional<Long> seed, List<String> rulesOff, Optional<Given> given, Path output) {
    public Generation {
      Objects.requireNonNull(modelFolder, "modelFolder");
      Objects.requireNonNull(anomalies, "anomalies");
      Objects.requireNonNull(seed, "seed");
      Objects.requireNonNull(given, "given");
      Objects.requireNonNull(output, "output");
      rulesOff = List.copyOf(rulesOff);
    }

    /** Plain generation: nothing given. */
    public static Generation plain(Path modelFolder, long rows, Optional<AnomalySpec> anomalies, Optional<Long> seed, List<String> rulesOff, Path output) {
      return new Generation(modelFolder, rows, anomalies, seed, rulesOff, Optional.empty(), output);
    }
  }

  /**
   * A conditioning as the engine takes it.
   *
   * @param table the stored table of an {@link Conditioning.Imputation}, on disk
   */
  public record Given(Conditioning conditioning, Optional<Path> table) {
    public Given {
      Objects.requireNonNull(conditioning, "conditioning");
      Objects.requireNonNull(table, "table");
      if (conditioning instanceof Conditioning.Imputation != table.isPresent()) {
        throw new IllegalArgumentException("an imputation, and only an imputation, comes with its table");
      }
    }
  }

  public record GeneratedFile(Path file, long rows, long anomalyRows) {}

  /**
   * Rows sampled within the call.
   *
   * @param seed the seed used (drawn when none was given): the same seed gives the same rows
   * @param modelLoaded whether the model had to be loaded for this call, rather than found warm
   */
  public record Sampled(GeneratedFile file, long seed, boolean modelLoaded, Duration took) {}

  /**
   * A conditioning to check against a model before any rows are generated.
   *
   * @param rows the rows asked for; ignored when the conditioning gives its own rows
   */
  public record ConditioningCheck(Path modelFolder, long rows, Optional<Long> seed, Given given) {
    public ConditioningCheck {
      Objects.requireNonNull(modelFolder, "modelFolder");
      Objects.requireNonNull(seed, "seed");
      Objects.requireNonNull(given, "given");
    }
  }

  /**
   * @param model the folder of the model the synthetic rows came from: the engine compares them with
   *     the real rows that model kept out of training, when it kept some
   * @param maxRows rows of each side the engine may sub-sample to, so scoring time stays bounded
   * @param target the column the utility test predicts; empty lets the engine choose
   */
  public record Evaluation(Table real, Path synthetic, Path model, int maxRows, Optional<String> target) {
    public Evaluation {
      Objects.requireNonNull(real, "real");
      Objects.requireNonNull(synthetic, "synthetic");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(target, "target");
    }
  }

  /**
   * A table of a database: the dataset's name, its stored file and its primary key (empty when no
   * other table references it).
   */
  public record DatabaseTable(String name, Table data, List<String> primaryKey) {
    public DatabaseTable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(data, "data");
      primaryKey = List.copyOf(primaryKey);
    }
  }

  /**
   * A foreign key between two tables of a database, by table name.
   *
   * @param orderBy the child's columns its rows under one parent are ordered by; empty when unordered
   */
  public record DatabaseLink(String parent, List<String> parentColumns, String child, List<String> childColumns, List<String> orderBy) {
    public DatabaseLink {
      Objects.requireNonNull(parent, "parent");
      Objects.requireNonNull(child, "child");
      parentColumns = List.copyOf(parentColumns);
      childColumns = List.copyOf(childColumns);
      orderBy = List.copyOf(orderBy);
    }
  }

  /**
   * @param tables parents first
   * @param modelFolder the folder the trained database model is written to (created by the engine)
   */
  public record DatabaseTraining(
      List<DatabaseTable> tables, List<DatabaseLink> links, Algorithm algorithm, TrainingSettings settings, Optional<Long> seed, Path modelFolder) {
    public DatabaseTraining {
      tables = List.copyOf(tables);
      links = List.copyOf(links);
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(seed, "seed");
      Objects.requireNonNull(modelFolder, "modelFolder");
    }
  }

  /**
   * @param scale what the root tables' real rows are multiplied by
   * @param anomalies labelled anomalies by table name; tables left out get none
   * @param conditions the values every row of a table without a parent carries, by table name; tables left out get none
   * @param output the folder the tables are written to, one {@code <table>.csv} each
   */
  public record DatabaseGeneration(
      Path modelFolder, double scale, Optional<Long> seed, Map<String, AnomalySpec> anomalies, Map<String, Conditioning.FixedValues> conditions,
      Path output) {
    public DatabaseGeneration {
      Objects.requireNonNull(modelFolder, "modelFolder");
      Objects.requireNonNull(seed, "seed");
      anomalies = Collections.unmodifiableMap(new LinkedHashMap<>(anomalies));
      conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
      Objects.requireNonNull(output, "output");
    }
  }

  /**
   * A synthetic database to compare with the real one it was learned from.
   *
   * @param tables the real tables, parents first
   * @param synthetic each table's synthetic file (CSV), by table name
   * @param maxRows rows of each table (and each join) the engine may sub-sample to, so scoring time stays bounded
   * @param report where the engine may write its report while it works
   */
  public record DatabaseEvaluation(List<DatabaseTable> tables, List<DatabaseLink> links, Map<String, Path> synthetic, int maxRows, Path report) {
    public DatabaseEvaluation {
      tables = List.copyOf(tables);
      links = List.copyOf(links);
      synthetic = Collections.unmodifiableMap(new LinkedHashMap<>(synthetic));
      Objects.requireNonNull(report, "report");
      if (!synthetic.keySet().equals(tables.stream().map(DatabaseTable::name).collect(Collectors.toSet()))) {
        throw new IllegalArgumentException("every table, and only those, needs its synthetic file");
      }
    }
  }
}
