package dev.doppel.domain.user;

import java.util.Objects;

/** A user about to be stored, before the store has given it an id. */
public record NewUser(Username username, String passwordHash, Role role) {
  public NewUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    if (passwordHash == null || passwordHash.isBlank()) {
      throw new IllegalArgumentException("password hash is required");
    }
  }
}
