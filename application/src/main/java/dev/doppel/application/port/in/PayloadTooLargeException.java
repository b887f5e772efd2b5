package dev.doppel.application.port.in;

public class PayloadTooLargeException extends RuntimeException {
  private final String field;

  public PayloadTooLargeException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
