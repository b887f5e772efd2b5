package dev.doppel.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A long-lived personal token for scripts and notebooks, accepted like a sign-in token.
 *
 * @param expiresAt null when the token lasts until it is revoked
 * @param lastUsedAt null until the token is first used; recorded to the minute, not per request
 */
public record ApiToken(ApiTokenId id, UserId owner, String name, ApiTokenScope scope, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
  /** How stale the recorded last use may grow before a request records it again. */
  public static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** Whether a use at {@code now} should be stored: the first use, or one more than a minute after the recorded one. */
  public boolean needsUseRecordedAt(Instant now) {
    return lastUsedAt == null || !now.isBefore(lastUsedAt.plus(LAST_USE_PRECISION));
  }
}
