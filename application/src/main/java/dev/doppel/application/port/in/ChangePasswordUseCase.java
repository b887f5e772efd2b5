package dev.doppel.application.port.in;

import dev.doppel.application.port.out.TokenIssuer.IssuedToken;

public interface ChangePasswordUseCase {
  /**
   * Replaces the password and ends every earlier session.
   *
   * @return a token for the new session
   * @throws InvalidInputException naming {@code currentPassword} when it is wrong
   */
  IssuedToken changePassword(ChangePasswordCommand command);
}
