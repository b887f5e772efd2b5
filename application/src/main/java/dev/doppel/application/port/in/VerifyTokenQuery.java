package dev.doppel.application.port.in;

import dev.doppel.domain.user.UserId;

/** What a validly signed token claims: whose it is and which of the user's token versions it carries. */
public record VerifyTokenQuery(UserId user, long tokenVersion) {
  public VerifyTokenQuery {
    Require.present("user", user);
  }
}
