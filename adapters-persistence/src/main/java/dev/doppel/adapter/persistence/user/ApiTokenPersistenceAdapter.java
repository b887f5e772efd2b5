package dev.doppel.adapter.persistence.user;

import dev.doppel.application.port.out.ApiTokenStore;
import dev.doppel.domain.user.ApiToken;
import dev.doppel.domain.user.ApiTokenId;
import dev.doppel.domain.user.ApiTokenScope;
import dev.doppel.domain.user.NewApiToken;
import dev.doppel.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class ApiTokenPersistenceAdapter implements ApiTokenStore {
  private final ApiTokenJpaRepository repository;

  ApiTokenPersistenceAdapter(ApiTokenJpaRepository repository) {
    this.repository = repository;
  }

  @Override
  @Transactional
  public ApiToken add(NewApiToken token) {
    ApiTokenJpaEntity entity = new ApiTokenJpaEntity();
    entity.setUserId(token.owner().value());
    entity.setName(token.name());
    entity.setScope(token.scope().name());
    entity.setSecretPrefix(token.prefix());
    entity.setSecretHash(token.secretHash());
    entity.setCreatedAt(token.createdAt());
    entity.setExpiresAt(token.expiresAt());
    return toDomain(repository.saveAndFlush(entity));
  }

  @Override
  public List<ApiToken> listOwnedBy(UserId owner) {
    return repository.findByUserIdOrderByIdAsc(owner.value()).stream().map(ApiTokenPersistenceAdapter::toDomain).toList();
  }

  @Override
  public Optional<ApiToken> findBySecretHash(String secretHash) {
    return repository.findBySecretHash(secretHash).map(ApiTokenPersistenceAdapter::toDomain);
  }

  @Override
  @Transactional
  public boolean delete(UserId owner, ApiTokenId id) {
    return repository.deleteOwned(owner.value(), id.value()) > 0;
  }

  @Override
  @Transactional
  public void recordUse(ApiTokenId id, Instant usedAt) {
    repository.recordUse(id.value(), usedAt);
  }

  private static ApiToken toDomain(ApiTokenJpaEntity e) {
    return new ApiToken(
        new ApiTokenId(e.getId()), new UserId(e.getUserId()), e.getName(), ApiTokenScope.valueOf(e.getScope()), e.getSecretPrefix(),
        e.getCreatedAt(), e.getExpiresAt(), e.getLastUsedAt());
  }
}
