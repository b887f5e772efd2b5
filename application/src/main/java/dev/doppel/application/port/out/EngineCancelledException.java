package dev.doppel.application.port.out;

/** The work stopped because its {@link Cancellation} was cancelled. */
public class EngineCancelledException extends RuntimeException {
  public EngineCancelledException() {
    super("cancelled");
  }
}
