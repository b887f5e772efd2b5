package dev.doppel.adapter.persistence.model;

import static dev.doppel.adapter.persistence.StoredJson.objectNode;
import static dev.doppel.adapter.persistence.StoredJson.read;
import static dev.doppel.adapter.persistence.StoredJson.readObject;
import static dev.doppel.adapter.persistence.StoredJson.write;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.doppel.domain.synthesis.LossPoint;
import dev.doppel.domain.synthesis.TrainingProgress;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored forms of a model's JSON columns.
 *
 * <p>{@code settings} keeps each value's Java type next to it,
 * {@code {"epochs":{"type":"integer","value":300},"lr":{"type":"number","value":2.0}}}, so that a
 * Long stays a Long and a whole Double (2.0) stays a Double whatever a database does to the
 * document: MySQL re-renders stored JSON, and a number's spelling is no contract.
 */
public final class ModelJson {
  private static final TypeReference<List<LossPoint>> LOSS_HISTORY = new TypeReference<>() {};

  private ModelJson() {}

  public static String writeSettings(TrainingSettings settings) {
    ObjectNode root = objectNode();
    settings.values().forEach((name, value) -> {
      ObjectNode entry = root.putObject(name);
      if (value instanceof Long l) {
        entry.put("type", "integer").put("value", l);
      } else if (value instanceof Double d) {
        entry.put("type", "number").put("value", d);
      } else if (value instanceof Boolean b) {
        entry.put("type", "boolean").put("value", b);
      } else if (value instanceof String s) {
        entry.put("type", "string").put("value", s);
      } else {
        throw new IllegalArgumentException("setting " + name + " has an unsupported type " + value.getClass());
      }
    });
    return write(root, "training settings");
  }

  public static TrainingSettings readSettings(String json) {
    JsonNode root = readObject(json, "training settings");
    Map<String, Object> values = new TreeMap<>();
    root.fields().forEachRemaining(field -> values.put(field.getKey(), settingValue(field.getKey(), field.getValue())));
    return new TrainingSettings(values);
  }

  private static Object settingValue(String name, JsonNode entry) {
    JsonNode value = entry.path("value");
    String type = entry.path("type").asText("");
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "integer" -> value.asLong();
      // A non-finite number is written as a string ("NaN"); parseDouble reads it back.
      case "number" -> value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asText());
      case "boolean" -> value.asBoolean();
      case "string" -> value.asText();
      default -> throw new IllegalStateException("stored setting " + name + " has an unknown type '" + type + "'");
    };
  }

  static String writeProgress(TrainingProgress progress) {
    return progress == null ? null : write(progress, "training progress");
  }

  static TrainingProgress readProgress(String json) {
    return json == null ? null : read(json, TrainingProgress.class, "training progress");
  }

  /** An empty history is NULL: most rows (pending, or algorithms without epochs) have none. */
  static String writeLossHistory(List<LossPoint> history) {
    return history == null || history.isEmpty() ? null : write(history, "loss history");
  }

  static List<LossPoint> readLossHistory(String json) {
    return json == null ? List.of() : read(json, LOSS_HISTORY, "loss history");
  }

  static String writeSummary(TrainingSummary summary) {
    return summary == null ? null : write(summary, "training summary");
  }

  static TrainingSummary readSummary(String json) {
    return json == null ? null : read(json, TrainingSummary.class, "training summary");
  }
}
