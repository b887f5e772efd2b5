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
   * Writes a batch's move to another state only while its row is still in the state the move
   * started from: one conditional UPDATE, so the database lets exactly one of several concurrent
   * callers (on any node) move it; the others see 0 rows changed.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update SyntheticBatchJpaEntity b set b.status = :status, b.rowsDone = :rowsDone, b.errorMessage = :error,"
      + " b.startedAt = :startedAt, b.finishedAt = :finishedAt where b.id = :id and b.status = :from")
  int moveIfStill(
      @Param("id") Long id, @Param("from") String from, @Param("status") String status, @Param("rowsDone") long rowsDone,
      @Param("error") String error, @Param("startedAt") Instant startedAt, @Param("finishedAt") Instant finishedAt);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from SyntheticBatchJpaEntity b where b.id = :id")
  int deleteBatchById(@Param("id") Long id);
}
