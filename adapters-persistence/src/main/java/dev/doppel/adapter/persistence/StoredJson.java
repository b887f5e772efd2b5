package dev.doppel.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * Reads and writes the JSON documents stored in columns. It owns its ObjectMapper so that settings
 * made for the web API can never change what is on disk. {@code what} names the document in errors.
 */
public final class StoredJson {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      // Rows written by a newer version stay readable after a downgrade.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private StoredJson() {}

  public static String write(Object value, String what) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(what + " could not be written as JSON", e);
    }
  }

  public static <T> T read(String json, Class<T> type, String what) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw unreadable(what, e);
    }
  }

  public static <T> T read(String json, TypeReference<T> type, String what) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw unreadable(what, e);
    }
  }

  /** A stored document that must be a JSON object, as a tree. */
  public static JsonNode readObject(String json, String what) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw unreadable(what, e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalStateException("stored " + what + " is not a JSON object");
    }
    return node;
  }

  /** A fresh object node to build a document in. */
  public static ObjectNode objectNode() {
    return JSON.createObjectNode();
  }

  private static IllegalStateException unreadable(String what, JsonProcessingException e) {
    return new IllegalStateException("stored " + what + " is not readable: " + e.getOriginalMessage(), e);
  }
}
