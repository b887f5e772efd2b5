package dev.doppel.adapter.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.adapter.web.error.Problems;
import dev.doppel.domain.user.ApiTokenScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What an API token may not do, decided by method and path alone so no endpoint can forget it:
 * a read token only reads (GET, HEAD), so it cannot upload, train, sample, generate, evaluate or
 * delete; and no API token changes the account (password, sign-out, deletion) or creates or revokes
 * tokens, so a leaked token cannot make itself new ones or lock its owner out.
 */
final class ApiTokenScopeFilter extends OncePerRequestFilter {
  private static final Set<String> READING_METHODS = Set.of("GET", "HEAD");
  /** Matched as Spring MVC matches paths, so an encoded or doubled character cannot slip past it. */
  private static final RequestMatcher ACCOUNT_PATHS = PathPatternRequestMatcher.withDefaults().matcher("/api/auth/**");

  private final ObjectMapper json;

  ApiTokenScopeFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication authentication
        && !READING_METHODS.contains(request.getMethod())) {
      if (ACCOUNT_PATHS.matches(request)) {
        refuse(response, "API tokens cannot change the account or manage tokens; sign in with your password to do this");
        return;
      }
      if (authentication.token().scope() == ApiTokenScope.READ) {
        refuse(response, "this token is read-only: it may only send GET and HEAD requests");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response, String detail) throws IOException {
    Problems.write(response, json, Problems.of(HttpStatus.FORBIDDEN, "Forbidden", detail, "Authorization"));
  }
}
