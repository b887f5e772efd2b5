package dev.doppel.domain.schema;

/** A declared relationship breaks a rule of the schema or of the tables' contents; {@code field} names the request field at fault. */
public class InvalidSchemaException extends RuntimeException {
  private final String field;

  public InvalidSchemaException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
