package dev.doppel.application.port.in;

import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.user.UserId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * @param scale what the root tables' real rows are multiplied by: from {@link #MIN_SCALE} to {@link #MAX_SCALE}
 * @param anomalies labelled anomalies by table name (built by {@link GenerateBatchCommand#anomalies(String, boolean, Double, String, String,
 *     java.util.List)}); tables left out get none
 * @param conditions the values every row of a table carries, by table name (built by {@link #conditions(Map)}); tables left out get none
 */
public record GenerateDatabaseCommand(
    UserId owner, DatabaseModelId model, double scale, Optional<Long> seed, Map<String, AnomalySpec> anomalies,
    Map<String, Conditioning.FixedValues> conditions) {
  public static final double MIN_SCALE = 0.001;
  public static final double MAX_SCALE = 100;

  public GenerateDatabaseCommand {
    Require.present("owner", owner);
    Require.present("id", model);
    if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
      throw new InvalidInputException("scale", "scale must be at least " + MIN_SCALE + " and at most " + (int) MAX_SCALE);
    }
    seed = Require.seed(seed);
    anomalies = anomalies == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(anomalies));
    conditions = conditions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
  }

  /** A request's fixed values by table name, each refused as {@code conditions.<table>}; null when none were asked for. */
  public static Map<String, Conditioning.FixedValues> conditions(Map<String, Map<String, Object>> requested) {
    Map<String, Conditioning.FixedValues> conditions = new LinkedHashMap<>();
    if (requested != null) {
      requested.forEach((table, values) -> {
        String field = "conditions." + table;
        if (values == null) {
          throw new InvalidInputException(field, field + " must be an object of column -> value");
        }
        conditions.put(table, GivenValues.fixedValues(field, values));
      });
    }
    return conditions;
  }
}
