package dev.doppel.adapter.persistence.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApiTokenJpaRepository extends JpaRepository<ApiTokenJpaEntity, Long> {
  List<ApiTokenJpaEntity> findByUserIdOrderByIdAsc(Long userId);

  Optional<ApiTokenJpaEntity> findBySecretHash(String secretHash);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from ApiTokenJpaEntity t where t.id = :id and t.userId = :userId")
  int deleteOwned(@Param("userId") long userId, @Param("id") long id);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update ApiTokenJpaEntity t set t.lastUsedAt = :usedAt where t.id = :id")
  int recordUse(@Param("id") long id, @Param("usedAt") Instant usedAt);
}
