package dev.doppel.application.port.out;

/** The engine could not do the work; the message is written for the user who asked for it. */
public class EngineException extends RuntimeException {
  public enum Kind {
    /** The data or settings cannot be used (fix the input). */
    INVALID_INPUT,
    /** The stored model is missing, corrupt or foreign. */
    MODEL_UNUSABLE,
    /** The engine ran longer than allowed. */
    TIMED_OUT,
    /** The engine cannot be started (not installed, misconfigured). */
    UNAVAILABLE,
    /** The engine broke while working. */
    CRASHED
  }

  private final Kind kind;

  public EngineException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public EngineException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
