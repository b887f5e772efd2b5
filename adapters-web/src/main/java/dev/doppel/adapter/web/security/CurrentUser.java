package dev.doppel.adapter.web.security;

import dev.doppel.domain.user.UserId;
import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the caller from the validated sign-in or API token. */
public final class CurrentUser {
  private CurrentUser() {}

  public static UserId of(Principal principal) {
    if (principal instanceof ApiTokenAuthentication apiToken) {
      return apiToken.token().owner();
    }
    return new UserId(Long.parseLong(token(principal).getSubject()));
  }

  /** Only for sign-in tokens: API tokens may not reach the account operations that need it (see {@code ApiTokenScopeFilter}). */
  public static String username(Authentication authentication) {
    return token(authentication).getClaimAsString(JwtTokenIssuer.USERNAME_CLAIM);
  }

  private static Jwt token(Principal principal) {
    if (principal instanceof JwtAuthenticationToken token) {
      return token.getToken();
    }
    throw new IllegalStateException("request is not authenticated with a token");
  }
}
