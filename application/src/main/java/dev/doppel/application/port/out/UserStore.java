package dev.doppel.application.port.out;

import dev.doppel.domain.user.NewUser;
import dev.doppel.domain.user.User;
import dev.doppel.domain.user.UserId;
import dev.doppel.domain.user.Username;
import java.util.Optional;

public interface UserStore {
  /**
   * Stores a new user.
   *
   * @throws dev.doppel.application.port.in.ConflictException when the username is taken
   */
  User add(NewUser user);

  Optional<User> findByUsername(Username username);

  Optional<User> findById(UserId id);

  /** Raises the user's token version in one atomic step, so no earlier token is accepted again. */
  void revokeTokens(UserId id);

  /**
   * Stores a new password hash and raises the token version in one atomic step.
   *
   * @return the user as stored afterwards; empty when there is no such user
   */
  Optional<User> changePassword(UserId id, String newPasswordHash);

  /** Removes the user and every row they own (projects and everything below them). */
  void delete(UserId id);
}
