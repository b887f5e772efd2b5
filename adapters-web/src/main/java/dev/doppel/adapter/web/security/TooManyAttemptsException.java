package dev.doppel.adapter.web.security;

import java.time.Duration;

/** A username or client address has spent its sign-in attempts for now. */
public class TooManyAttemptsException extends RuntimeException {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private final long retryAfterSeconds;

  public TooManyAttemptsException(Duration retryAfter) {
    this(Math.max(1, (retryAfter.toNanos() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
  }

  private TooManyAttemptsException(long retryAfterSeconds) {
    super("too many sign-in attempts; try again in " + retryAfterSeconds + " seconds");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whole seconds, rounded up, for the Retry-After header. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
