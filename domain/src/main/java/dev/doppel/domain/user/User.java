package dev.doppel.domain.user;

import java.util.Objects;

/** A registered person. The password is only ever held as a one-way hash. */
public record User(UserId id, Username username, String passwordHash, Role role) {
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    if (passwordHash == null || passwordHash.isBlank()) {
      throw new IllegalArgumentException("password hash is required");
    }
  }
}
