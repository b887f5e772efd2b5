package dev.doppel.application.port.in;

/** The caller already has as many queued and running jobs as one user may have. */
public class TooManyJobsException extends RuntimeException {
  public TooManyJobsException(String message) {
    super(message);
  }
}
