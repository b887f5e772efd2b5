package dev.doppel.adapter.web.auth;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.doppel.adapter.web.PathIds;
import dev.doppel.application.port.in.CreateApiTokenCommand;
import dev.doppel.application.port.in.ManageApiTokensUseCase;
import dev.doppel.application.port.in.ManageApiTokensUseCase.CreatedApiToken;
import dev.doppel.domain.user.ApiToken;
import dev.doppel.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth/tokens")
@Tag(name = "Authentication")
@SecurityRequirement(name = "bearer")
public class ApiTokenController {
  private final ManageApiTokensUseCase tokens;

  public ApiTokenController(ManageApiTokensUseCase tokens) {
    this.tokens = tokens;
  }

  public record NewApiTokenRequest(
      @Schema(requiredMode = REQUIRED, maxLength = 100, description = "to recognise the token by, e.g. where it is used") String name,
      @Schema(requiredMode = REQUIRED, allowableValues = {"read", "full"},
          description = "read: GET and HEAD only; full: everything your account may do except managing the account and its tokens") String scope,
      @Schema(description = "when the token stops working; absent for a token that lasts until it is revoked") Instant expiresAt) {}

  public record ApiTokenResponse(
      long id, String name, String scope,
      @Schema(description = "the first characters of the secret, to tell tokens apart") String prefix,
      Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    static ApiTokenResponse from(ApiToken token) {
      return new ApiTokenResponse(token.id().value(), token.name(), token.scope().name().toLowerCase(Locale.ROOT), token.prefix(),
          token.createdAt(), token.expiresAt(), token.lastUsedAt());
    }
  }

  public record CreatedApiTokenResponse(
      @Schema(requiredMode = REQUIRED) ApiTokenResponse token,
      @Schema(requiredMode = REQUIRED, description = "send as 'Authorization: Bearer <secret>'; shown only in this answer") String secret) {
    static CreatedApiTokenResponse from(CreatedApiToken created) {
      return new CreatedApiTokenResponse(ApiTokenResponse.from(created.token()), created.secret());
    }
  }

  @GetMapping
  @Operation(summary = "List your API tokens", description = "Oldest first, without their secrets.")
  public List<ApiTokenResponse> list(UserId caller) {
    return tokens.list(caller).stream().map(ApiTokenResponse::from).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an API token",
      description = "A long-lived token for scripts and notebooks, sent like a sign-in token. The secret is in this answer only: only its"
          + " hash is stored. Needs a sign-in token: API tokens cannot create tokens.")
  @ApiResponse(responseCode = "201", description = "The token and its secret")
  @ApiResponse(responseCode = "400", description = "name, scope or expiresAt breaks a rule; the field is named")
  @ApiResponse(responseCode = "403", description = "The request was made with an API token")
  public CreatedApiTokenResponse create(@RequestBody NewApiTokenRequest request, UserId caller) {
    return CreatedApiTokenResponse.from(tokens.create(new CreateApiTokenCommand(caller, request.name(), request.scope(), request.expiresAt())));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke an API token", description = "The token answers 401 from the next request on. Needs a sign-in token.")
  @ApiResponse(responseCode = "204", description = "Revoked")
  @ApiResponse(responseCode = "403", description = "The request was made with an API token")
  @ApiResponse(responseCode = "404", description = "id names no token of yours")
  public void revoke(@PathVariable long id, UserId caller) {
    tokens.revoke(caller, PathIds.apiToken(id, "id"));
  }
}
