package dev.doppel.adapter.web.security;

import dev.doppel.domain.user.UserId;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the caller's id from the validated token. */
public final class CurrentUser {
  private CurrentUser() {}

  public static UserId of(Authentication authentication) {
    if (authentication instanceof JwtAuthenticationToken token) {
      Jwt jwt = token.getToken();
      return new UserId(Long.parseLong(jwt.getSubject()));
    }
    throw new IllegalStateException("request is not authenticated with a token");
  }
}
