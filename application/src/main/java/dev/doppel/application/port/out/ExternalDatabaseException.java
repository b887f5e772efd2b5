package dev.doppel.application.port.out;

/** A user's database could not be used; the message says why in the user's words and never holds the password. */
public class ExternalDatabaseException extends RuntimeException {
  public enum Reason {
    /** No server answered at the host and port (wrong address, server down, firewall, timeout). */
    UNREACHABLE,
    /** The server refused the username or password. */
    AUTHENTICATION_FAILED,
    /** The server has no database of that name, or the user may not open it. */
    UNKNOWN_DATABASE,
    /** The schema or table asked for is not there. */
    NOT_FOUND,
    /** The server refused a statement (e.g. no privilege to create tables). */
    REFUSED
  }

  private final Reason reason;

  public ExternalDatabaseException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
