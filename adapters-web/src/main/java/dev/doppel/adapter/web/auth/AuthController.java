package dev.doppel.adapter.web.auth;

import dev.doppel.application.port.in.LogInCommand;
import dev.doppel.application.port.in.LogInUseCase;
import dev.doppel.application.port.in.RegisterUserCommand;
import dev.doppel.application.port.in.RegisterUserUseCase;
import dev.doppel.application.port.out.TokenIssuer.IssuedToken;
import dev.doppel.domain.user.User;
import io.swagger.v3.oas.annotations.Operation;
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

  public record Credentials(String username, String password) {}

  public record UserResponse(long id, String username, String role) {}

  public record TokenResponse(String token, String tokenType, Instant expiresAt) {}

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an account", description = "Username: 3-50 letters, digits, '.', '-', '_'. Password: at least 10 characters.")
  public UserResponse register(@RequestBody Credentials credentials) {
    User user = register.register(RegisterUserCommand.of(credentials.username(), credentials.password()));
    return new UserResponse(user.id().value(), user.username().value(), user.role().name());
  }

  @PostMapping("/login")
  @Operation(summary = "Get a bearer token", description = "Send the token as 'Authorization: Bearer <token>' on every other call.")
  public TokenResponse login(@RequestBody Credentials credentials) {
    IssuedToken token = logIn.logIn(new LogInCommand(credentials.username(), credentials.password()));
    return new TokenResponse(token.token(), "Bearer", token.expiresAt());
  }
}
