package dev.doppel.adapter.web.auth;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.doppel.application.port.in.LogInCommand;
import dev.doppel.application.port.in.LogInUseCase;
import dev.doppel.application.port.in.RegisterUserCommand;
import dev.doppel.application.port.in.RegisterUserUseCase;
import dev.doppel.application.port.out.TokenIssuer.IssuedToken;
import dev.doppel.domain.user.User;
import dev.doppel.domain.user.Username;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
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

  public AuthController(RegisterUserUseCase register, LogInUseCase logIn) {
    this.register = register;
    this.logIn = logIn;
  }

  public record Credentials(@Schema(requiredMode = REQUIRED) String username, @Schema(requiredMode = REQUIRED) String password) {}

  public record NewAccount(
      @Schema(requiredMode = REQUIRED, pattern = "^" + Username.PATTERN + "$") String username,
      @Schema(requiredMode = REQUIRED, minLength = 10, maxLength = 72, description = "at least 10 characters, at most 72 bytes in UTF-8")
          String password) {}

  public record UserResponse(long id, String username, String role) {}

  public record TokenResponse(String token, String tokenType, Instant expiresAt) {}

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an account", description = "Username: 3-50 letters, digits, '.', '-', '_'. Password: at least 10 characters.")
  @ApiResponse(responseCode = "409", description = "the username is taken")
  public UserResponse register(@RequestBody NewAccount credentials) {
    User user = register.register(RegisterUserCommand.of(credentials.username(), credentials.password()));
    return new UserResponse(user.id().value(), user.username().value(), user.role().name());
  }

  @PostMapping("/login")
  @Operation(summary = "Get a bearer token", description = "Send the token as 'Authorization: Bearer <token>' on every other call.")
  @ApiResponse(responseCode = "200", description = "a token and when it expires")
  @ApiResponse(responseCode = "401", description = "unknown username or wrong password")
  public TokenResponse login(@RequestBody Credentials credentials) {
    IssuedToken token = logIn.logIn(new LogInCommand(credentials.username(), credentials.password()));
    return new TokenResponse(token.token(), "Bearer", token.expiresAt());
  }
}
