package dev.doppel.adapter.persistence.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserJpaRepository extends JpaRepository<UserJpaEntity, Long> {
  /** Case-insensitive on every supported database: the column's collation decides, not Java. */
  Optional<UserJpaEntity> findByUsername(String username);
}
