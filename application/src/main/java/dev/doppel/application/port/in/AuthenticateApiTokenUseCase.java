package dev.doppel.application.port.in;

import dev.doppel.domain.user.ApiToken;
import java.util.Optional;

public interface AuthenticateApiTokenUseCase {
  /** The secrets of API tokens start with this, so a bearer value tells at once whether it is one. */
  String SECRET_PREFIX = "dpl_";

  /** The live token the secret belongs to, its use recorded; empty when it is unknown, revoked or expired. */
  Optional<ApiToken> authenticate(String secret);
}
