package dev.doppel.adapter.persistence.batch;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SyntheticBatchJpaRepository extends JpaRepository<SyntheticBatchJpaEntity, Long> {
  /** Newest first; the id breaks ties between requests in the same instant. */
  List<SyntheticBatchJpaEntity> findByModelIdOrderByCreatedAtDescIdDesc(Long modelId);

  /** Oldest first: ids grow with every request. */
  List<SyntheticBatchJpaEntity> findByStatusOrderByIdAsc(String status);

  /**
   * One conditional UPDATE: the database lets exactly one of several concurrent callers (on any
   * node) change the row while it is still PENDING; the others see 0 rows changed.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update SyntheticBatchJpaEntity b set b.status = 'GENERATING', b.rowsDone = 0, b.startedAt = :now"
      + " where b.id = :id and b.status = 'PENDING'")
  int claimPending(@Param("id") Long id, @Param("now") Instant now);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update SyntheticBatchJpaEntity b set b.status = 'CANCELLED', b.finishedAt = :now, b.errorMessage = :reason"
      + " where b.id = :id and b.status = 'PENDING'")
  int cancelPending(@Param("id") Long id, @Param("now") Instant now, @Param("reason") String reason);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from SyntheticBatchJpaEntity b where b.id = :id")
  int deleteBatchById(@Param("id") Long id);
}
