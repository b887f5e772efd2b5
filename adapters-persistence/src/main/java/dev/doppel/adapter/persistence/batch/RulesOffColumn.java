package dev.doppel.adapter.persistence.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** {@code synthetic_batches.rules_off}: the switched-off rule ids as a JSON array, NULL for none. */
final class RulesOffColumn {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

  private RulesOffColumn() {}

  static String write(List<String> ids) {
    if (ids.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(ids);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the switched-off rules could not be written as JSON", e);
    }
  }

  static List<String> read(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, IDS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored switched-off rules are not readable: " + e.getOriginalMessage(), e);
    }
  }
}
