package dev.doppel.adapter.web.auth;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.doppel.domain.user.UserId;
import dev.doppel.adapter.web.security.CurrentUser;
import dev.doppel.adapter.web.security.LoginThrottle;
import dev.doppel.application.port.in.ChangePasswordCommand;
import dev.doppel.application.port.in.ChangePasswordUseCase;
import dev.doppel.application.port.in.LogInCommand;
import dev.doppel.application.port.in.LogInUseCase;
import dev.doppel.application.port.in.LogOutUseCase;
import dev.doppel.application.port.in.RegisterUserCommand;
import dev.doppel.application.port.in.RegisterUserUseCase;
import dev.doppel.application.port.out.TokenIssuer.IssuedToken;
import dev.doppel.domain.user.User;
import dev.doppel.domain.user.Username;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication")
public class AuthController {
  private final RegisterUserUseCase register;
  private final LogInUseCase logIn;
  private final LogOutUseCase logOut;
  private final ChangePasswordUseCase changePassword;
  private final LoginThrottle throttle;

  public AuthController(
      RegisterUserUseCase register, LogInUseCase logIn, LogOutUseCase logOut, ChangePasswordUseCase changePassword, LoginThrottle throttle) {
    this.register = register;
    this.logIn = logIn;
    this.logOut = logOut;
    this.changePassword = changePassword;
    this.throttle = throttle;
  }

  public record Credentials(@Schema(requiredMode = REQUIRED) String username, @Schema(requiredMode = REQUIRED) String password) {}

  public record NewAccount(
      @Schema(requiredMode = REQUIRED, pattern = "^" + Username.PATTERN + "$") String username,
      @Schema(requiredMode = REQUIRED, minLength = 10, maxLength = 72, description = "at least 10 characters, at most 72 bytes in UTF-8")
          String password) {}

  public record PasswordChange(
      @Schema(requiredMode = REQUIRED) String currentPassword,
      @Schema(requiredMode = REQUIRED, minLength = 10, maxLength = 72, description = "at least 10 characters, at most 72 bytes in UTF-8")
          String newPassword) {}

  public record UserResponse(long id, String username, String role) {
    static UserResponse from(User user) {
      return new UserResponse(user.id().value(), user.username().value(), user.role().name());
    }
  }

  public record TokenResponse(String token, String tokenType, Instant expiresAt) {
    static TokenResponse from(IssuedToken token) {
      return new TokenResponse(token.token(), "Bearer", token.expiresAt());
    }
  }

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an account", description = "Username: 3-50 letters, digits, '.', '-', '_'. Password: at least 10 characters.")
  @ApiResponse(responseCode = "201", description = "The account was created")
  @ApiResponse(responseCode = "400", description = "The username or password breaks a rule")
  @ApiResponse(responseCode = "409", description = "The username is taken")
  @ThrottledResponse
  public UserResponse register(@RequestBody NewAccount credentials, HttpServletRequest request) {
    // Every registration counts, successful or not: it creates an account or probes for one.
    throttle.begin(credentials.username(), request.getRemoteAddr());
    User user = register.register(RegisterUserCommand.of(credentials.username(), credentials.password()));
    return UserResponse.from(user);
  }

  @PostMapping("/login")
  @Operation(summary = "Get a bearer token", description = "Send the token as 'Authorization: Bearer <token>' on every other call.")
  @ApiResponse(responseCode = "200", description = "A token and when it expires")
  @ApiResponse(responseCode = "400", description = "The username or password is missing")
  @ApiResponse(responseCode = "401", description = "The username or password is wrong")
  @ThrottledResponse
  public TokenResponse login(@RequestBody Credentials credentials, HttpServletRequest request) {
    LoginThrottle.Attempt attempt = throttle.begin(credentials.username(), request.getRemoteAddr());
    IssuedToken token = logIn.logIn(new LogInCommand(credentials.username(), credentials.password()));
    attempt.succeeded();
    return TokenResponse.from(token);
  }

  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Sign out everywhere", description = "Every token issued to this account so far answers 401 from now on.")
  @ApiResponse(responseCode = "204", description = "Signed out")
  @ApiResponse(responseCode = "401", description = "The token is missing, invalid, expired or already revoked")
  public void logout(UserId caller) {
    logOut.logOut(caller);
  }

  @PostMapping("/password")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Change the password",
      description = "Needs the current password. Every earlier token answers 401 afterwards; the answer carries a token for this session.")
  @ApiResponse(responseCode = "200", description = "The password was changed; a new token and when it expires")
  @ApiResponse(responseCode = "400", description = "The current password is wrong (field currentPassword) or the new one breaks a rule (field newPassword)")
  @ApiResponse(responseCode = "401", description = "The token is missing, invalid, expired or revoked")
  @ThrottledResponse
  public TokenResponse changePassword(@RequestBody PasswordChange change, Authentication caller, HttpServletRequest request) {
    LoginThrottle.Attempt attempt = throttle.begin(CurrentUser.username(caller), request.getRemoteAddr());
    IssuedToken token = changePassword.changePassword(new ChangePasswordCommand(CurrentUser.of(caller), change.currentPassword(), change.newPassword()));
    attempt.succeeded();
    return TokenResponse.from(token);
  }
}
