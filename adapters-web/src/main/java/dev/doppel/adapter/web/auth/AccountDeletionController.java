package dev.doppel.adapter.web.auth;

import dev.doppel.domain.user.UserId;
import dev.doppel.application.port.in.DeleteAccountCommand;
import dev.doppel.application.port.in.DeleteAccountUseCase;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication")
@SecurityRequirement(name = "bearer")
public class AccountDeletionController {
  private final DeleteAccountUseCase accounts;

  public AccountDeletionController(DeleteAccountUseCase accounts) {
    this.accounts = accounts;
  }

  public record DeleteAccountRequest(@Schema(requiredMode = REQUIRED) String password) {}

  @DeleteMapping("/api/auth/account")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Delete your account and everything it owns",
      description = "Confirm with your password in the body. Stops your running and queued jobs, then removes your projects, datasets,"
          + " models, batches, evaluations and all their files, then the account. 400 naming password when it is wrong.")
  @ApiResponse(responseCode = "204", description = "The account and everything it owned are gone")
  public void delete(@RequestBody DeleteAccountRequest request, UserId caller) {
    accounts.deleteAccount(new DeleteAccountCommand(caller, request.password()));
  }
}
