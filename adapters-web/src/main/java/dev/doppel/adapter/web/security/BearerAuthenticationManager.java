package dev.doppel.adapter.web.security;

import dev.doppel.application.port.in.AuthenticateApiTokenUseCase;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** A bearer value with the API token prefix is looked up as an API token; any other is read as a sign-in JWT. */
final class BearerAuthenticationManager implements AuthenticationManager {
  private final AuthenticateApiTokenUseCase apiTokens;
  private final AuthenticationProvider jwt;

  BearerAuthenticationManager(AuthenticateApiTokenUseCase apiTokens, AuthenticationProvider jwt) {
    this.apiTokens = apiTokens;
    this.jwt = jwt;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String bearer = ((BearerTokenAuthenticationToken) authentication).getToken();
    if (bearer.startsWith(AuthenticateApiTokenUseCase.SECRET_PREFIX)) {
      return apiTokens.authenticate(bearer)
          .map(ApiTokenAuthentication::new)
          .orElseThrow(() -> new InvalidBearerTokenException("the API token is unknown, revoked or expired"));
    }
    return jwt.authenticate(authentication);
  }
}
