package dev.doppel.domain.user;

public class InvalidUsernameException extends IllegalArgumentException {
  public InvalidUsernameException(String rejected) {
    super(
        "username must be 3 to 50 characters of letters, digits, '.', '-' or '_', starting with a letter or digit"
            + (rejected == null ? "" : "; got " + rejected.length() + " characters"));
  }
}
