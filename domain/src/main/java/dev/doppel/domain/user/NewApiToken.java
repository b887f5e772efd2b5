package dev.doppel.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token about to be stored. Only a hash of its secret is kept; {@code prefix} is the start of
 * the secret, enough for its owner to recognise it and useless to anyone else.
 */
public record NewApiToken(UserId owner, String name, ApiTokenScope scope, String prefix, String secretHash, Instant createdAt, Instant expiresAt) {
  public NewApiToken {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
