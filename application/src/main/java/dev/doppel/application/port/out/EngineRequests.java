package dev.doppel.application.port.out;

import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

  /** @param rulesOff ids of the model's rules the generated rows need not keep */
  public record Generation(Path modelFolder, long rows, Optional<AnomalySpec> anomalies, Optional<Long> seed, List<String> rulesOff, Path output) {
    public Generation {
      Objects.requireNonNull(modelFolder, "modelFolder");
      Objects.requireNonNull(anomalies, "anomalies");
      Objects.requireNonNull(seed, "seed");
      Objects.requireNonNull(output, "output");
      rulesOff = List.copyOf(rulesOff);
    }
  }

  public record GeneratedFile(Path file, long rows, long anomalyRows) {}

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
}
