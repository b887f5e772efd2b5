package dev.doppel.application.port.in;

import java.nio.charset.StandardCharsets;

/** The rules every new password follows, at registration and when it is changed. */
final class Passwords {
  static final int MIN_LENGTH = 10;
  /** bcrypt reads no further than 72 bytes. */
  static final int MAX_BYTES = 72;

  private Passwords() {}

  static String requireAcceptable(String field, String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new InvalidInputException(field, field + " must be at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new InvalidInputException(field, field + " must be at most " + MAX_BYTES + " bytes");
    }
    return password;
  }
}
