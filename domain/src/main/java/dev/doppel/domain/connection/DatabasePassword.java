package dev.doppel.domain.connection;

import java.util.Objects;

/**
 * A database password. It never prints itself, so it cannot leak through a log line, an error
 * message or a debugger's view of a record holding it; only {@link #reveal()} gives the text.
 */
public final class DatabasePassword {
  private final String value;

  private DatabasePassword(String value) {
    this.value = value;
  }

  /** An empty password is allowed: some servers let a user in without one. */
  public static DatabasePassword of(String value) {
    return new DatabasePassword(Objects.requireNonNull(value, "password"));
  }

  /** The password's text, for the driver that logs in with it and for nothing else. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DatabasePassword password && password.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "********";
  }
}
