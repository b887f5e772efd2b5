package dev.doppel.application.port.in;

import dev.doppel.domain.user.Username;

public record RegisterUserCommand(Username username, String password) {
  public static final int MIN_PASSWORD_LENGTH = 10;
  public static final int MAX_PASSWORD_LENGTH = 72;

  public RegisterUserCommand {
    Require.present("username", username);
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputException("password", "password must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_LENGTH) {
      throw new InvalidInputException("password", "password must be at most " + MAX_PASSWORD_LENGTH + " bytes");
    }
  }

  public static RegisterUserCommand of(String username, String password) {
    return new RegisterUserCommand(Require.field("username", () -> new Username(username)), password);
  }
}
