package dev.doppel.application.port.in;

public record LogInCommand(String username, String password) {
  public LogInCommand {
    Require.present("username", username);
    Require.present("password", password);
  }
}
