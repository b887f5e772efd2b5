package dev.doppel.application.port.in;

import dev.doppel.application.port.out.TokenIssuer.IssuedToken;

public interface LogInUseCase {
  /** @throws InvalidCredentialsException whichever half was wrong */
  IssuedToken logIn(LogInCommand command);
}
