package dev.doppel.application.port.out;

import dev.doppel.domain.user.User;
import java.time.Instant;

public interface TokenIssuer {
  IssuedToken issue(User user);

  record IssuedToken(String token, Instant expiresAt) {}
}
