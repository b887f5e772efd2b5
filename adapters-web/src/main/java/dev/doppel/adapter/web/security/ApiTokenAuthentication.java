package dev.doppel.adapter.web.security;

import dev.doppel.domain.user.ApiToken;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a personal API token rather than a sign-in token. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {
  private final ApiToken token;

  ApiTokenAuthentication(ApiToken token) {
    super(List.of());
    this.token = token;
    setAuthenticated(true);
  }

  ApiToken token() {
    return token;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public Object getPrincipal() {
    return token;
  }

  @Override
  public String getName() {
    return String.valueOf(token.owner().value());
  }
}
