package dev.doppel.application.port.in;

import dev.doppel.domain.user.ApiToken;
import dev.doppel.domain.user.ApiTokenId;
import dev.doppel.domain.user.UserId;
import java.util.List;

public interface ManageApiTokensUseCase {
  /** The secret exists only in this answer: the store keeps its hash. */
  record CreatedApiToken(ApiToken token, String secret) {}

  CreatedApiToken create(CreateApiTokenCommand command);

  List<ApiToken> list(UserId owner);

  /**
   * Refuses the token from the next request on.
   *
   * @throws NotFoundException when the owner has no such token
   */
  void revoke(UserId owner, ApiTokenId id);
}
