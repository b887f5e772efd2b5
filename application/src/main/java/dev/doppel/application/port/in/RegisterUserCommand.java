package dev.doppel.application.port.in;

import dev.doppel.domain.user.Username;

public record RegisterUserCommand(Username username, String password) {
  public RegisterUserCommand {
    Require.present("username", username);
    Passwords.requireAcceptable("password", password);
  }

  public static RegisterUserCommand of(String username, String password) {
    return new RegisterUserCommand(Require.field("username", () -> new Username(username)), password);
  }
}
