package dev.doppel.adapter.engine.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.adapter.engine.entrypoint.EntryPointOutcome;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineException.Kind;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what went wrong in the engine into a message a user may see and a log entry an operator
 * can find. The engine's own words often carry server paths, exception types and traceback lines,
 * so users get a plain sentence and a reference; the log gets the details under the same
 * reference.
 */
final class EngineFailures {
  private static final Logger log = LoggerFactory.getLogger(EngineFailures.class);
  /** Error codes whose messages speak only of the user's own settings and column names. */
  private static final Set<String> ABOUT_THE_REQUEST =
      Set.of("invalid_setting", "unknown_algorithm", "invalid_anomalies", "invalid_condition", "column_missing", "column_not_in_schema", "no_rows");
  /** Error codes of bad input (exit codes 2 and 3 of the entry points). */
  private static final Set<String> INVALID_INPUT =
      Set.of(
          "invalid_arguments", "invalid_config", "unknown_algorithm", "invalid_setting", "invalid_anomalies", "invalid_condition", "output_unwritable",
          "data_not_found", "data_unreadable", "no_rows", "column_missing", "column_not_in_schema");
  private static final Set<String> MODEL_UNUSABLE = Set.of("model_not_found", "model_invalid");
  private static final int MAX_PASSED_ON_CHARS = 500;

  private EngineFailures() {}

  /** A failure whose details stay in the log. */
  static EngineException withheld(Kind kind, String message, String details, Throwable cause) {
    String reference = reference();
    log.warn("{} (ref {}): {}", message, reference, details, cause);
    return new EngineException(kind, message + " (ref " + reference + ")", cause);
  }

  static EngineException withheld(Kind kind, String message, String details) {
    return withheld(kind, message, details, null);
  }

  /** What a worker's failure code means, as the entry points' exit codes say it. */
  static Kind kindOf(String code) {
    return INVALID_INPUT.contains(code) ? Kind.INVALID_INPUT : MODEL_UNUSABLE.contains(code) ? Kind.MODEL_UNUSABLE : Kind.CRASHED;
  }

  /** The failure of a run that ended without completing. */
  static EngineException of(Kind kind, String what, EntryPointOutcome outcome) {
    String details = details(outcome);
    if (outcome.error().isEmpty()) {
      String exit = outcome.exitCode() == 137 || outcome.exitCode() == -1 ? "it was killed (out of memory?)" : "exit code " + outcome.exitCode();
      return withheld(kind, "the engine stopped unexpectedly during " + what + " (" + exit + ")", details);
    }
    return of(kind, what, outcome.error().get(), details);
  }

  /** The failure an engine reported with an error code and message ({@code error} event or {@code failed} answer). */
  static EngineException of(Kind kind, String what, JsonNode error, String details) {
    String code = error.path("code").asText("");
    String engineMessage = error.path("message").asText("");
    if (ABOUT_THE_REQUEST.contains(code) && !engineMessage.isBlank()) {
      String shown = engineMessage.length() > MAX_PASSED_ON_CHARS ? engineMessage.substring(0, MAX_PASSED_ON_CHARS) + "…" : engineMessage;
      return withheld(kind, shown, details);
    }
    return withheld(kind, plain(code, what), details);
  }

  private static String plain(String code, String what) {
    return switch (code) {
      case "data_not_found" -> "the engine could not find the table";
      case "data_unreadable" -> "the engine failed reading the table";
      case "no_rows" -> "the table has no rows";
      case "model_not_found" -> "the model's files are missing";
      case "model_invalid" -> "the model's files are damaged or were not written by this engine";
      case "output_unwritable" -> "the engine could not write the result of " + what;
      case "cancelled" -> what + " was interrupted";
      default -> "the engine failed during " + what;
    };
  }

  private static String details(EntryPointOutcome outcome) {
    String error = outcome.error().map(Object::toString).orElse("no error event");
    return "exit code " + outcome.exitCode() + ", " + error + (outcome.stderrTail().isBlank() ? "" : "\nstderr:\n" + outcome.stderrTail());
  }

  private static String reference() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
