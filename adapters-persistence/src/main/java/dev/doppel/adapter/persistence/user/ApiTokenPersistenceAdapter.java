package dev.doppel.adapter.persistence.user;

import dev.doppel.application.port.out.ApiTokenStore;
import dev.doppel.domain.user.ApiToken;
import dev.doppel.domain.user.ApiTokenId;
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
  private final ApiTokenPersistenceMapper mapper;

  ApiTokenPersistenceAdapter(ApiTokenJpaRepository repository, ApiTokenPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  @Override
  @Transactional
  public ApiToken add(NewApiToken token) {
    return mapper.toDomain(repository.saveAndFlush(mapper.toEntity(token)));
  }

  @Override
  public List<ApiToken> listOwnedBy(UserId owner) {
    return repository.findByUserIdOrderByIdAsc(owner.value()).stream().map(mapper::toDomain).toList();
  }

  @Override
  public Optional<ApiToken> findBySecretHash(String secretHash) {
    return repository.findBySecretHash(secretHash).map(mapper::toDomain);
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
}
