package dev.doppel.domain.dataset.profile;

/** The table's content breaks a rule a user can fix (a blank header, a type that does not fit). */
public class InvalidTableException extends RuntimeException {
  private final String field;

  public InvalidTableException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field or column at fault. */
  public String field() {
    return field;
  }
}
