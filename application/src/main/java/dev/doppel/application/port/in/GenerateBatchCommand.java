package dev.doppel.application.port.in;

import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.InvalidAnomalySpecException;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

  /** Builds the anomaly settings from request values; a refused spec is named {@code anomalies}, a missing ratio {@code anomalies.ratio}. */
  public static Optional<AnomalySpec> anomalies(boolean inject, Double ratio, String labelColumn, String kindColumn, List<String> kinds) {
    return anomalies("anomalies", refused -> "anomalies", inject, ratio, labelColumn, kindColumn, kinds);
  }

  /**
   * Builds the anomaly settings given under {@code field} (such as {@code anomalies.People}); a
   * refused part is named within it ({@code anomalies.People.ratio}).
   */
  public static Optional<AnomalySpec> anomalies(String field, boolean inject, Double ratio, String labelColumn, String kindColumn, List<String> kinds) {
    return anomalies(field, refused -> field + "." + refused.part(), inject, ratio, labelColumn, kindColumn, kinds);
  }

  private static Optional<AnomalySpec> anomalies(
      String field, Function<InvalidAnomalySpecException, String> fieldAtFault, boolean inject, Double ratio, String labelColumn, String kindColumn,
      List<String> kinds) {
    if (!inject) {
      return Optional.empty();
    }
    if (ratio == null) {
      throw new InvalidInputException(field + ".ratio", field + ".ratio is required when " + field + ".inject is true");
    }
    try {
      return Optional.of(new AnomalySpec(
          ratio,
          Optional.of(labelColumn == null || labelColumn.isBlank() ? AnomalySpec.DEFAULT_LABEL : labelColumn),
          Optional.ofNullable(kindColumn).filter(k -> !k.isBlank()),
          kinds == null ? List.of() : kinds));
    } catch (InvalidAnomalySpecException e) {
      throw new InvalidInputException(fieldAtFault.apply(e), field + ": " + e.getMessage());
    }
  }
}
