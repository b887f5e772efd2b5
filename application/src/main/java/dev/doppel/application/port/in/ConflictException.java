package dev.doppel.application.port.in;

/** The request clashes with what is stored, such as a username that is already taken. */
public class ConflictException extends RuntimeException {
  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
