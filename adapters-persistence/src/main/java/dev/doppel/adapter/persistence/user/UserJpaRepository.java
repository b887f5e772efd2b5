package dev.doppel.adapter.persistence.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserJpaRepository extends JpaRepository<UserJpaEntity, Long> {
  /** Case-insensitive on every supported database: the column's collation decides, not Java. */
  Optional<UserJpaEntity> findByUsername(String username);

  /** Increments in the database, so concurrent revocations and password changes never lose one. */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("UPDATE UserJpaEntity u SET u.tokenVersion = u.tokenVersion + 1 WHERE u.id = :id")
  int incrementTokenVersion(@Param("id") long id);

  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query("UPDATE UserJpaEntity u SET u.passwordHash = :hash, u.tokenVersion = u.tokenVersion + 1 WHERE u.id = :id")
  int changePassword(@Param("id") long id, @Param("hash") String passwordHash);

  /** One statement; the database's ON DELETE CASCADE removes the user's projects and all below them. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from UserJpaEntity u where u.id = :id")
  int deleteUserById(@Param("id") Long id);
}
