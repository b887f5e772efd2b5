package dev.doppel.adapter.persistence.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.doppel.adapter.persistence.StoredJson;
import java.util.List;

/** {@code synthetic_batches.rules_off}: the switched-off rule ids as a JSON array, NULL for none. */
final class RulesOffColumn {
  private static final TypeReference<List<String>> IDS = new TypeReference<>() {};
  private static final String WHAT = "switched-off rules";

  private RulesOffColumn() {}

  static String write(List<String> ids) {
    return ids.isEmpty() ? null : StoredJson.write(ids, WHAT);
  }

  static List<String> read(String json) {
    return json == null ? List.of() : StoredJson.read(json, IDS, WHAT);
  }
}
