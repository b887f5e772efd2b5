package dev.doppel.application.port.in;

/** Deliberately silent on whether the username or the password was wrong. */
public class InvalidCredentialsException extends RuntimeException {
  public InvalidCredentialsException() {
    super("username or password is incorrect");
  }
}
