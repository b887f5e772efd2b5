package dev.doppel.application.port.in;

import dev.doppel.domain.user.UserId;

public record ChangePasswordCommand(UserId user, String currentPassword, String newPassword) {
  public ChangePasswordCommand {
    Require.present("user", user);
    Require.present("currentPassword", currentPassword);
    Passwords.requireAcceptable("newPassword", newPassword);
  }
}
