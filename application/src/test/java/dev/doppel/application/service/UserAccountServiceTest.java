package dev.doppel.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.in.ChangePasswordCommand;
import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.InvalidCredentialsException;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.LogInCommand;
import dev.doppel.application.port.in.RegisterUserCommand;
import dev.doppel.application.port.in.VerifyTokenQuery;
import dev.doppel.domain.user.User;
import dev.doppel.domain.user.UserId;
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

  @Test
  void logOutEndsEveryTokenIssuedBefore() {
    User ada = accounts.register(RegisterUserCommand.of("ada", "correct horse battery"));
    accounts.logIn(new LogInCommand("ada", "correct horse battery"));
    long issuedAt = ports.tokensIssuedTo.get(0).tokenVersion();
    assertThat(accounts.isCurrent(new VerifyTokenQuery(ada.id(), issuedAt))).isTrue();

    accounts.logOut(ada.id());

    assertThat(accounts.isCurrent(new VerifyTokenQuery(ada.id(), issuedAt))).isFalse();
    accounts.logIn(new LogInCommand("ada", "correct horse battery"));
    assertThat(accounts.isCurrent(new VerifyTokenQuery(ada.id(), ports.tokensIssuedTo.get(1).tokenVersion()))).isTrue();
  }

  @Test
  void changingThePasswordEndsOlderTokensAndIssuesOneForTheNewSession() {
    User ada = accounts.register(RegisterUserCommand.of("ada", "correct horse battery"));
    accounts.logIn(new LogInCommand("ada", "correct horse battery"));
    long oldVersion = ports.tokensIssuedTo.get(0).tokenVersion();

    accounts.changePassword(new ChangePasswordCommand(ada.id(), "correct horse battery", "a brand new passphrase"));

    long newVersion = ports.tokensIssuedTo.get(1).tokenVersion();
    assertThat(accounts.isCurrent(new VerifyTokenQuery(ada.id(), oldVersion))).isFalse();
    assertThat(accounts.isCurrent(new VerifyTokenQuery(ada.id(), newVersion))).isTrue();
    assertThatThrownBy(() -> accounts.logIn(new LogInCommand("ada", "correct horse battery"))).isInstanceOf(InvalidCredentialsException.class);
    assertThat(accounts.logIn(new LogInCommand("ada", "a brand new passphrase")).token()).isNotBlank();
  }

  @Test
  void refusesAPasswordChangeWithAWrongCurrentPasswordNamingTheField() {
    User ada = accounts.register(RegisterUserCommand.of("ada", "correct horse battery"));

    assertThatThrownBy(() -> accounts.changePassword(new ChangePasswordCommand(ada.id(), "not my password", "a brand new passphrase")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("currentPassword"));
    assertThat(ports.users.get(ada.id().value())).isEqualTo(ada);
  }

  @Test
  void refusesATooShortNewPasswordNamingTheField() {
    assertThatThrownBy(() -> new ChangePasswordCommand(new UserId(1), "correct horse battery", "short"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("newPassword"));
  }

  @Test
  void tokensOfAnUnknownUserAreNotCurrent() {
    assertThat(accounts.isCurrent(new VerifyTokenQuery(new UserId(404), 0))).isFalse();
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
