package dev.doppel.application.port.in;

import dev.doppel.domain.user.UserId;

public interface LogOutUseCase {
  /** Ends every session of the user: each token issued so far is refused from now on. */
  void logOut(UserId user);
}
