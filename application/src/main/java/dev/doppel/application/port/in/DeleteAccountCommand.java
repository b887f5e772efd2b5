package dev.doppel.application.port.in;

import dev.doppel.domain.user.UserId;

/** @param password the account's current password, confirming that its owner asks for the deletion */
public record DeleteAccountCommand(UserId owner, String password) {
  public DeleteAccountCommand {
    Require.present("owner", owner);
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException("password", "password is required to delete the account");
    }
  }
}
