package dev.doppel.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a job to reach a state, failing with the last answer seen. */
final class Polling {
  private Polling() {}

  static JsonNode until(Supplier<Api.Reply> poll, Predicate<JsonNode> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Api.Reply last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = poll.get();
        if (last.status() < 300 && done.test(last.json())) {
          return last.json();
        }
      } catch (java.io.UncheckedIOException notListeningYet) {
        last = null;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("gave up after " + timeout + "; last answer: " + last);
  }

  static JsonNode untilStatus(Api api, String path, String token, String status, Duration timeout) {
    return until(() -> api.get(path, token), json -> {
      String now = json.path("status").asText();
      if (!now.equals(status) && (now.equals("FAILED") || now.equals("CANCELLED") || now.equals("COMPLETED"))) {
        throw new AssertionError(path + " ended " + now + " instead of " + status + ": " + json);
      }
      return now.equals(status);
    }, timeout);
  }
}
