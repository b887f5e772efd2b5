package dev.doppel.application.port.in;

import dev.doppel.domain.user.UserId;
import java.time.Instant;

/**
 * @param scope {@code read} or {@code full}, as the caller sent it
 * @param expiresAt null for a token that lasts until it is revoked
 */
public record CreateApiTokenCommand(UserId owner, String name, String scope, Instant expiresAt) {}
