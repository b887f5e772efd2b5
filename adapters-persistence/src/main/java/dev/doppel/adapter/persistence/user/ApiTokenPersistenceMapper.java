package dev.doppel.adapter.persistence.user;

import dev.doppel.domain.user.ApiToken;
import dev.doppel.domain.user.ApiTokenId;
import dev.doppel.domain.user.ApiTokenScope;
import dev.doppel.domain.user.NewApiToken;
import dev.doppel.domain.user.UserId;
import org.springframework.stereotype.Component;

/** Between an api_tokens row and the domain's {@link ApiToken}. The secret's hash never leaves the row. */
@Component
class ApiTokenPersistenceMapper {
  ApiToken toDomain(ApiTokenJpaEntity entity) {
    return new ApiToken(
        new ApiTokenId(entity.getId()), new UserId(entity.getUserId()), entity.getName(), ApiTokenScope.valueOf(entity.getScope()),
        entity.getSecretPrefix(), entity.getCreatedAt(), entity.getExpiresAt(), entity.getLastUsedAt());
  }

  ApiTokenJpaEntity toEntity(NewApiToken token) {
    ApiTokenJpaEntity entity = new ApiTokenJpaEntity();
    entity.setUserId(token.owner().value());
    entity.setName(token.name());
    entity.setScope(token.scope().name());
    entity.setSecretPrefix(token.prefix());
    entity.setSecretHash(token.secretHash());
    entity.setCreatedAt(token.createdAt());
    entity.setExpiresAt(token.expiresAt());
    return entity;
  }
}
