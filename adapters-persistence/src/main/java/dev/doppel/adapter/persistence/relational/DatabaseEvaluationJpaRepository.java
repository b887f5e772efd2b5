package dev.doppel.adapter.persistence.relational;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DatabaseEvaluationJpaRepository extends JpaRepository<DatabaseEvaluationJpaEntity, Long> {
  /** Oldest request first; the batch id breaks ties between requests in the same instant. */
  List<DatabaseEvaluationJpaEntity> findByStatusOrderByRequestedAtAscDatabaseBatchIdAsc(String status);

  /** As {@link DatabaseModelJpaRepository#moveIfStill}: one conditional UPDATE. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update DatabaseEvaluationJpaEntity e set e.status = :status, e.startedAt = :startedAt where e.databaseBatchId = :batch and e.status = :from")
  int startIfStill(@Param("batch") Long batch, @Param("from") String from, @Param("status") String status, @Param("startedAt") Instant startedAt);
}
