package dev.doppel.adapter.persistence.user;

import dev.doppel.domain.user.NewUser;
import dev.doppel.domain.user.Role;
import dev.doppel.domain.user.User;
import dev.doppel.domain.user.UserId;
import dev.doppel.domain.user.Username;
import org.springframework.stereotype.Component;

/** Between a users row and the domain's {@link User}. The id and token version are the table's to set. */
@Component
class UserPersistenceMapper {
  User toDomain(UserJpaEntity entity) {
    return new User(
        new UserId(entity.getId()), new Username(entity.getUsername()), entity.getPasswordHash(), Role.valueOf(entity.getRole()),
        entity.getTokenVersion());
  }

  UserJpaEntity toEntity(NewUser user) {
    UserJpaEntity entity = new UserJpaEntity();
    entity.setUsername(user.username().value());
    entity.setPasswordHash(user.passwordHash());
    entity.setRole(user.role().name());
    return entity;
  }
}
