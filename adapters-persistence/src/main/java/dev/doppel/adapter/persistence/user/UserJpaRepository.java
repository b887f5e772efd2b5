package dev.doppel.adapter.persistence.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserJpaRepository extends JpaRepository<UserJpaEntity, Long> {
  /** Case-insensitive on every supported database: the column's collation decides, not Java. */
  Optional<UserJpaEntity> findByUsername(String username);

  /** One statement; the database's ON DELETE CASCADE removes the user's projects and all below them. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from UserJpaEntity u where u.id = :id")
  int deleteUserById(@Param("id") Long id);
}
