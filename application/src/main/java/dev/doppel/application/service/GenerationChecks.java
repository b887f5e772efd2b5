package dev.doppel.application.service;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.GivenValues;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.synthesis.ModelRule;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What every way of generating rows checks first, and the columns of what it generates. */
final class GenerationChecks {
  private final SynthesisEngine engine;
  private final FileStore files;

  GenerationChecks(SynthesisEngine engine, FileStore files) {
    this.engine = engine;
    this.files = files;
  }

  static void requireCompleted(SynthesisModel model, String field) {
    if (model.status() != ModelStatus.COMPLETED) {
      throw new ConflictException(
          field, "model " + model.id().value() + " is " + model.status() + "; rows can only be generated from a COMPLETED model");
    }
  }

  static void requireRulesOf(SynthesisModel model, List<String> rulesOff) {
    Set<String> known = model.rules().stream().map(ModelRule::id).collect(Collectors.toSet());
    for (String id : rulesOff) {
      if (!known.contains(id)) {
        String kept = known.isEmpty() ? "it keeps no rules" : "GET /api/models/" + model.id().value() + " lists the rules it keeps";
        throw new InvalidInputException("rulesOff", "rulesOff: model " + model.id().value() + " has no rule '" + shortened(id) + "'; " + kept);
      }
    }
  }

  /** The dataset's columns, then the anomaly label and kind columns when asked for. */
  static List<ColumnSchema> generatedColumns(Dataset dataset, Optional<AnomalySpec> anomalies) {
    List<ColumnSchema> columns = new ArrayList<>(dataset.profile().schema());
    anomalies.ifPresent(spec -> {
      spec.labelColumn().ifPresent(label -> columns.add(new ColumnSchema(label, ColumnType.BOOLEAN, Optional.empty())));
      spec.kindColumn().ifPresent(kind -> columns.add(new ColumnSchema(kind, ColumnType.CATEGORICAL, Optional.empty())));
    });
    return columns;
  }

  /** A conditioning as the engine takes it: an imputation's stored table found on disk. */
  EngineRequests.Given given(Conditioning conditioning) {
    Optional<Path> table = conditioning instanceof Conditioning.Imputation imputation ? Optional.of(files.locate(imputation.tableKey())) : Optional.empty();
    return new EngineRequests.Given(conditioning, table);
  }

  /**
   * Asks the engine whether the model can be given {@code conditioning}.
   *
   * @return the rows it gives
   * @throws InvalidInputException naming the request field when it cannot
   */
  long check(Path modelFolder, long rows, Optional<Long> seed, Conditioning conditioning) {
    try {
      return engine.check(new EngineRequests.ConditioningCheck(modelFolder, rows, seed, given(conditioning)));
    } catch (EngineException e) {
      throw refusal(e, Optional.of(conditioning));
    }
  }

  /** An engine's refusal of the input as a refusal of the request field at fault; other failures as they are. */
  static RuntimeException refusal(EngineException e, Optional<Conditioning> conditioning) {
    if (e.kind() != EngineException.Kind.INVALID_INPUT) {
      return e;
    }
    return new InvalidInputException(conditioning.map(GivenValues::fieldOf).orElse("anomalies"), e.getMessage());
  }

  private static String shortened(String value) {
    return value.length() <= 200 ? value : value.substring(0, 200) + "…";
  }
}
