package dev.doppel.adapter.persistence.user;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.user.NewUser;
import dev.doppel.domain.user.User;
import dev.doppel.domain.user.UserId;
import dev.doppel.domain.user.Username;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class UserPersistenceAdapter implements UserStore {
  private static final String USERNAME_CONSTRAINT = "uk_users_username";

  private final UserJpaRepository repository;
  private final UserPersistenceMapper mapper;

  UserPersistenceAdapter(UserJpaRepository repository, UserPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  /**
   * Relies on the unique constraint rather than a look-up first, so two registrations racing for
   * one name cannot both win.
   */
  @Override
  @Transactional
  public User add(NewUser user) {
    try {
      return mapper.toDomain(repository.saveAndFlush(mapper.toEntity(user)));
    } catch (DataIntegrityViolationException e) {
      if (violates(e, USERNAME_CONSTRAINT)) {
        throw new ConflictException("username", "username '" + user.username().value() + "' is already taken");
      }
      throw e;
    }
  }

  @Override
  public Optional<User> findByUsername(Username username) {
    return repository.findByUsername(username.value()).map(mapper::toDomain);
  }

  @Override
  public Optional<User> findById(UserId id) {
    return repository.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  @Transactional
  public void revokeTokens(UserId id) {
    repository.incrementTokenVersion(id.value());
  }

  @Override
  @Transactional
  public Optional<User> changePassword(UserId id, String newPasswordHash) {
    if (repository.changePassword(id.value(), newPasswordHash) == 0) {
      return Optional.empty();
    }
    return repository.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  @Transactional
  public void delete(UserId id) {
    repository.deleteUserById(id.value());
  }

  /** Drivers name the violated index in their messages, each in its own words and case. */
  private static boolean violates(Throwable e, String constraint) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains(constraint)) {
        return true;
      }
    }
    return false;
  }
}
