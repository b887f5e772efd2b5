package dev.doppel.application.port.in;

import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * @param count the rows to generate; may be left out when partial rows give them
 * @param rulesOff ids of the model's rules this generation does not keep
 * @param given what the rows are given before the model fills in the rest
 */
public record GenerateBatchCommand(
    UserId owner, ModelId model, Optional<Long> count, Optional<AnomalySpec> anomalies, Optional<Long> seed, List<String> rulesOff, GivenValues given) {
  public GenerateBatchCommand {
    Require.present("owner", owner);
    Require.present("modelId", model);
    count = count == null ? Optional.empty() : count;
    if (count.filter(rows -> rows < 1).isPresent()) {
      throw new InvalidInputException("count", "count must be at least 1");
    }
    anomalies = anomalies == null ? Optional.empty() : anomalies;
    seed = Require.seed(seed);
    rulesOff = Require.ruleIds(rulesOff);
    given = given == null ? GivenValues.NONE : given;
  }

  /** Builds the anomaly settings from request values, naming the field at fault. */
  public static Optional<AnomalySpec> anomalies(boolean inject, Double ratio, String labelColumn, String kindColumn, List<String> kinds) {
    if (!inject) {
      return Optional.empty();
    }
    if (ratio == null) {
      throw new InvalidInputException("anomalies.ratio", "anomalies.ratio is required when anomalies.inject is true");
    }
    return Optional.of(
        Require.field(
            "anomalies",
            () -> new AnomalySpec(
                ratio,
                Optional.of(labelColumn == null || labelColumn.isBlank() ? AnomalySpec.DEFAULT_LABEL : labelColumn),
                Optional.ofNullable(kindColumn).filter(k -> !k.isBlank()),
                kinds == null ? List.of() : kinds)));
  }
}
