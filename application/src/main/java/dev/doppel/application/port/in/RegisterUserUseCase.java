package dev.doppel.application.port.in;

import dev.doppel.domain.user.User;

public interface RegisterUserUseCase {
  /** @throws ConflictException when the username is taken */
  User register(RegisterUserCommand command);
}
