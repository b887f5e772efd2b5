package dev.doppel.adapter.persistence.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.adapter.persistence.StoredJson;
import dev.doppel.domain.batch.Conditioning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code synthetic_batches.conditioning}: one JSON object keyed by the kind, NULL for plain
 * generation. Shares are stored as [value, share] pairs because their order steers the engine's
 * seeded draw and stored objects have their keys sorted.
 */
final class ConditioningColumn {
  private static final String WHAT = "batch conditioning";

  private ConditioningColumn() {}

  static String write(Optional<Conditioning> conditioning) {
    return conditioning.map(c -> StoredJson.write(Map.of(c.kind(), body(c)), WHAT)).orElse(null);
  }

  private static Object body(Conditioning conditioning) {
    if (conditioning instanceof Conditioning.FixedValues fixed) {
      return fixed.values();
    }
    if (conditioning instanceof Conditioning.GivenRows given) {
      return given.rows();
    }
    if (conditioning instanceof Conditioning.Shares shares) {
      return Map.of("column", shares.column(), "shares", shares.shares().entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList());
    }
    return Map.of("table", ((Conditioning.Imputation) conditioning).tableKey());
  }

  static Optional<Conditioning> read(String json) {
    if (json == null) {
      return Optional.empty();
    }
    JsonNode stored = StoredJson.readObject(json, WHAT);
    String kind = stored.fieldNames().next();
    JsonNode body = stored.get(kind);
    Conditioning conditioning =
        switch (kind) {
          case Conditioning.FIXED -> new Conditioning.FixedValues(texts(body));
          case Conditioning.PARTIAL_ROWS -> {
            List<Map<String, String>> rows = new ArrayList<>();
            body.forEach(row -> rows.add(texts(row)));
            yield new Conditioning.GivenRows(rows);
          }
          case Conditioning.REBALANCE -> {
            Map<String, Double> shares = new LinkedHashMap<>();
            body.path("shares").forEach(pair -> shares.put(pair.get(0).asText(), pair.get(1).asDouble()));
            yield new Conditioning.Shares(body.path("column").asText(), shares);
          }
          case Conditioning.IMPUTE -> new Conditioning.Imputation(body.path("table").asText());
          default -> throw new IllegalStateException("stored " + WHAT + " has an unknown kind: " + kind);
        };
    return Optional.of(conditioning);
  }

  private static Map<String, String> texts(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }
}
