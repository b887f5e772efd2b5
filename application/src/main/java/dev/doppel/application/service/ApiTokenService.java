package dev.doppel.application.service;

import dev.doppel.application.port.in.AuthenticateApiTokenUseCase;
import dev.doppel.application.port.in.CreateApiTokenCommand;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.ManageApiTokensUseCase;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.ApiTokenStore;
import dev.doppel.domain.user.ApiToken;
import dev.doppel.domain.user.ApiTokenId;
import dev.doppel.domain.user.ApiTokenScope;
import dev.doppel.domain.user.NewApiToken;
import dev.doppel.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public class ApiTokenService implements ManageApiTokensUseCase, AuthenticateApiTokenUseCase {
  static final int MAX_NAME_LENGTH = 100;
  private static final int SECRET_BYTES = 32;
  /** "dpl_" and four characters of the random part: enough to tell one's tokens apart, far too little to guess the rest. */
  private static final int SHOWN_PREFIX_LENGTH = SECRET_PREFIX.length() + 4;

  private final ApiTokenStore tokens;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ApiTokenService(ApiTokenStore tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public CreatedApiToken create(CreateApiTokenCommand command) {
    String name = command.name() == null ? "" : command.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new InvalidInputException("name", "name must hold 1 to " + MAX_NAME_LENGTH + " characters");
    }
    ApiTokenScope scope = scope(command.scope());
    Instant now = clock.instant();
    if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
      throw new InvalidInputException("expiresAt", "expiresAt must lie in the future");
    }
    byte[] randomPart = new byte[SECRET_BYTES];
    random.nextBytes(randomPart);
    String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomPart);
    ApiToken token =
        tokens.add(new NewApiToken(command.owner(), name, scope, secret.substring(0, SHOWN_PREFIX_LENGTH), hash(secret), now, command.expiresAt()));
    return new CreatedApiToken(token, secret);
  }

  @Override
  public List<ApiToken> list(UserId owner) {
    return tokens.listOwnedBy(owner);
  }

  @Override
  public void revoke(UserId owner, ApiTokenId id) {
    if (!tokens.delete(owner, id)) {
      throw new NotFoundException("API token", id.value(), "id");
    }
  }

  @Override
  public Optional<ApiToken> authenticate(String secret) {
    if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<ApiToken> token = tokens.findBySecretHash(hash(secret)).filter(t -> !t.isExpiredAt(now));
    token.filter(t -> t.needsUseRecordedAt(now)).ifPresent(t -> tokens.recordUse(t.id(), now));
    return token;
  }

  private static ApiTokenScope scope(String scope) {
    for (ApiTokenScope known : ApiTokenScope.values()) {
      if (known.name().toLowerCase(Locale.ROOT).equals(scope)) {
        return known;
      }
    }
    throw new InvalidInputException("scope", "scope must be 'read' or 'full'");
  }

  /**
   * SHA-256, not the password hasher's bcrypt: the secret is 256 random bits, which no one can guess
   * however fast each guess is, so a slow salted hash would only cost time on every request; and an
   * unsalted hash lets the store find the token by it in one indexed look-up.
   */
  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
