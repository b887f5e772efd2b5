package dev.doppel.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.InvalidCredentialsException;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.LogInCommand;
import dev.doppel.application.port.in.RegisterUserCommand;
import org.junit.jupiter.api.Test;

class UserAccountServiceTest {
  private final InMemoryPorts ports = new InMemoryPorts();
  private final UserAccountService accounts = new UserAccountService(ports.userStore, ports.hasher, ports.tokenIssuer);

  @Test
  void storesOnlyAHashOfThePassword() {
    accounts.register(RegisterUserCommand.of("ada", "correct horse battery"));
    assertThat(ports.users.values()).singleElement().satisfies(u -> assertThat(u.passwordHash()).isNotEqualTo("correct horse battery"));
  }

  @Test
  void refusesShortPasswordsAndTakenUsernames() {
    assertThatThrownBy(() -> RegisterUserCommand.of("ada", "short"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 10");
    accounts.register(RegisterUserCommand.of("ada", "correct horse battery"));
    assertThatThrownBy(() -> accounts.register(RegisterUserCommand.of("ada", "another long one")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void loginFailuresDoNotTellWhichHalfWasWrong() {
    accounts.register(RegisterUserCommand.of("ada", "correct horse battery"));
    String wrongPassword = catchMessage(() -> accounts.logIn(new LogInCommand("ada", "wrong password!")));
    String unknownUser = catchMessage(() -> accounts.logIn(new LogInCommand("nobody", "correct horse battery")));
    assertThat(wrongPassword).isEqualTo(unknownUser);
    assertThat(accounts.logIn(new LogInCommand("ada", "correct horse battery")).token()).isNotBlank();
  }

  private static String catchMessage(Runnable action) {
    try {
      action.run();
    } catch (InvalidCredentialsException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the login to fail");
  }
}
