package dev.doppel.adapter.persistence.user;

import dev.doppel.domain.user.NewUser;
import dev.doppel.domain.user.User;
import dev.doppel.domain.user.UserId;
import dev.doppel.domain.user.Username;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface UserPersistenceMapper {
  User toDomain(UserJpaEntity entity);

  @Mapping(target = "id", ignore = true)
  @Mapping(target = "tokenVersion", ignore = true)
  UserJpaEntity toEntity(NewUser user);

  default UserId toUserId(Long id) {
    return new UserId(id);
  }

  default Username toUsername(String value) {
    return new Username(value);
  }

  default String fromUsername(Username username) {
    return username.value();
  }
}
