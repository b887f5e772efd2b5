package dev.doppel.adapter.engine.entrypoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An entry point's output, read line by line: each JSON line is an event for the consumer, and the
 * last {@code completed} and {@code error} events are kept for the outcome (ai-engine/README.md).
 */
public final class EngineEventLines {
  private static final Logger log = LoggerFactory.getLogger(EngineEventLines.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Consumer<JsonNode> events;
  private Optional<JsonNode> completed = Optional.empty();
  private Optional<JsonNode> error = Optional.empty();

  public EngineEventLines(Consumer<JsonNode> events) {
    this.events = events;
  }

  /** Reads one line; false when it is not a JSON event (blank lines count as read). */
  public synchronized boolean accept(String line) {
    if (line.isBlank()) {
      return true;
    }
    JsonNode event;
    try {
      event = JSON.readTree(line);
    } catch (IOException e) {
      return false;
    }
    if (!event.isObject()) {
      return false;
    }
    String kind = event.path("event").asText("");
    if (kind.equals("completed")) {
      completed = Optional.of(event);
    } else if (kind.equals("error")) {
      error = Optional.of(event);
    }
    try {
      events.accept(event);
    } catch (RuntimeException e) {
      log.warn("progress consumer failed on {}", line, e);
    }
    return true;
  }

  public synchronized Optional<JsonNode> completed() {
    return completed;
  }

  public synchronized Optional<JsonNode> error() {
    return error;
  }
}
