package dev.doppel.application.port.in;

/**
 * The thing does not exist, or it belongs to someone else: callers cannot tell the two apart, so
 * other users' ids reveal nothing.
 */
public class NotFoundException extends RuntimeException {
  private final String field;

  public NotFoundException(String resource, long id, String field) {
    super(resource + " " + id + " was not found");
    this.field = field;
  }

  public String field() {
    return field;
  }
}
