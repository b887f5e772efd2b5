package dev.doppel.application.port.out;

import dev.doppel.domain.user.ApiToken;
import dev.doppel.domain.user.ApiTokenId;
import dev.doppel.domain.user.NewApiToken;
import dev.doppel.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Personal API tokens; deleting a user deletes theirs. */
public interface ApiTokenStore {
  ApiToken add(NewApiToken token);

  /** The owner's tokens, oldest first. */
  List<ApiToken> listOwnedBy(UserId owner);

  Optional<ApiToken> findBySecretHash(String secretHash);

  /** @return whether the owner had such a token; another user's token is left alone */
  boolean delete(UserId owner, ApiTokenId id);

  void recordUse(ApiTokenId id, Instant usedAt);
}
