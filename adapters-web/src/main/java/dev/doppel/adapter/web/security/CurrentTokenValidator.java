package dev.doppel.adapter.web.security;

import dev.doppel.application.port.in.VerifyTokenQuery;
import dev.doppel.application.port.in.VerifyTokenUseCase;
import dev.doppel.domain.user.UserId;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts a correctly signed token only when it has an expiry, passes the time and issuer checks,
 * names a user by id and carries that user's current token version. The store is asked last, so a
 * stale or foreign token costs no database read.
 */
final class CurrentTokenValidator implements OAuth2TokenValidator<Jwt> {
  private static final String NUMERIC_ID = "[1-9][0-9]{0,18}";

  private final OAuth2TokenValidator<Jwt> timeAndIssuer;
  private final VerifyTokenUseCase tokens;

  CurrentTokenValidator(OAuth2TokenValidator<Jwt> timeAndIssuer, VerifyTokenUseCase tokens) {
    this.timeAndIssuer = timeAndIssuer;
    this.tokens = tokens;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt jwt) {
    if (jwt.getExpiresAt() == null) {
      return invalid("the token has no expiry");
    }
    OAuth2TokenValidatorResult claims = timeAndIssuer.validate(jwt);
    if (claims.hasErrors()) {
      return claims;
    }
    String subject = jwt.getSubject();
    if (subject == null || !subject.matches(NUMERIC_ID)) {
      return invalid("the token has no valid subject");
    }
    if (!(jwt.getClaims().get(JwtTokenIssuer.TOKEN_VERSION_CLAIM) instanceof Long version)) {
      return invalid("the token has no token version");
    }
    if (!tokens.isCurrent(new VerifyTokenQuery(new UserId(Long.parseLong(subject)), version))) {
      return invalid("the token was revoked or its user no longer exists");
    }
    return OAuth2TokenValidatorResult.success();
  }

  private static OAuth2TokenValidatorResult invalid(String description) {
    return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
  }
}
