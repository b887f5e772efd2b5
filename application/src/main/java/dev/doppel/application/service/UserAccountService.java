package dev.doppel.application.service;

import dev.doppel.application.port.in.ChangePasswordCommand;
import dev.doppel.application.port.in.ChangePasswordUseCase;
import dev.doppel.application.port.in.InvalidCredentialsException;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.LogInCommand;
import dev.doppel.application.port.in.LogInUseCase;
import dev.doppel.application.port.in.LogOutUseCase;
import dev.doppel.application.port.in.RegisterUserCommand;
import dev.doppel.application.port.in.RegisterUserUseCase;
import dev.doppel.application.port.in.VerifyTokenQuery;
import dev.doppel.application.port.in.VerifyTokenUseCase;
import dev.doppel.application.port.out.PasswordHasher;
import dev.doppel.application.port.out.TokenIssuer;
import dev.doppel.application.port.out.TokenIssuer.IssuedToken;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.user.NewUser;
import dev.doppel.domain.user.Role;
import dev.doppel.domain.user.User;
import dev.doppel.domain.user.UserId;
import dev.doppel.domain.user.Username;
import java.util.Optional;

public class UserAccountService
    implements RegisterUserUseCase, LogInUseCase, LogOutUseCase, ChangePasswordUseCase, VerifyTokenUseCase {
  private final UserStore users;
  private final PasswordHasher hasher;
  private final TokenIssuer tokens;
  private final String unknownUserHash;

  public UserAccountService(UserStore users, PasswordHasher hasher, TokenIssuer tokens) {
    this.users = users;
    this.hasher = hasher;
    this.tokens = tokens;
    // Checking a password against this when the user does not exist keeps login time the same,
    // so response times do not reveal which usernames are registered.
    this.unknownUserHash = hasher.hash("no such user, constant-time placeholder");
  }

  @Override
  public User register(RegisterUserCommand command) {
    return users.add(new NewUser(command.username(), hasher.hash(command.password()), Role.USER));
  }

  @Override
  public IssuedToken logIn(LogInCommand command) {
    Optional<User> user =
        Username.isValid(command.username()) ? users.findByUsername(new Username(command.username())) : Optional.empty();
    String hash = user.map(User::passwordHash).orElse(unknownUserHash);
    boolean matches = hasher.matches(command.password(), hash);
    if (user.isEmpty() || !matches) {
      throw new InvalidCredentialsException();
    }
    return tokens.issue(user.get());
  }

  @Override
  public void logOut(UserId user) {
    users.revokeTokens(user);
  }

  @Override
  public IssuedToken changePassword(ChangePasswordCommand command) {
    User user = users.findById(command.user()).orElseThrow(InvalidCredentialsException::new);
    if (!hasher.matches(command.currentPassword(), user.passwordHash())) {
      throw new InvalidInputException("currentPassword", "the current password is incorrect");
    }
    User changed = users.changePassword(user.id(), hasher.hash(command.newPassword())).orElseThrow(InvalidCredentialsException::new);
    return tokens.issue(changed);
  }

  @Override
  public boolean isCurrent(VerifyTokenQuery query) {
    return users.findById(query.user()).map(user -> user.acceptsTokenVersion(query.tokenVersion())).orElse(false);
  }
}
