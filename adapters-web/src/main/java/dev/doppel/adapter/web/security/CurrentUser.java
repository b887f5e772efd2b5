package dev.doppel.adapter.web.security;

import dev.doppel.domain.user.UserId;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the caller from the validated token. */
public final class CurrentUser {
  private CurrentUser() {}

  public static UserId of(Authentication authentication) {
    return new UserId(Long.parseLong(token(authentication).getSubject()));
  }

  public static String username(Authentication authentication) {
    return token(authentication).getClaimAsString(JwtTokenIssuer.USERNAME_CLAIM);
  }

  private static Jwt token(Authentication authentication) {
    if (authentication instanceof JwtAuthenticationToken token) {
      return token.getToken();
    }
    throw new IllegalStateException("request is not authenticated with a token");
  }
}
