package dev.doppel.domain.user;

import java.util.Objects;

/**
 * A registered person. The password is only ever held as a one-way hash.
 *
 * @param tokenVersion carried by every token issued to the user; raising it (logout, a new password)
 *     makes every earlier token invalid
 */
public record User(UserId id, Username username, String passwordHash, Role role, long tokenVersion) {
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    if (passwordHash == null || passwordHash.isBlank()) {
      throw new IllegalArgumentException("password hash is required");
    }
    if (tokenVersion < 0) {
      throw new IllegalArgumentException("token version must not be negative");
    }
  }

  /** Whether a token issued at {@code version} is still accepted for this user. */
  public boolean acceptsTokenVersion(long version) {
    return version == tokenVersion;
  }
}
