package dev.doppel.adapter.persistence.relational;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DatabaseBatchJpaRepository extends JpaRepository<DatabaseBatchJpaEntity, Long> {
  /** Newest first; the id breaks ties between requests in the same instant. */
  List<DatabaseBatchJpaEntity> findByDatabaseModelIdOrderByCreatedAtDescIdDesc(Long databaseModelId);

  /** Oldest first: ids grow with every request. */
  List<DatabaseBatchJpaEntity> findByStatusOrderByIdAsc(String status);

  /** As {@link DatabaseModelJpaRepository#moveIfStill}: one conditional UPDATE. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update DatabaseBatchJpaEntity b set b.status = :status, b.errorMessage = :error, b.startedAt = :startedAt, b.finishedAt = :finishedAt"
      + " where b.id = :id and b.status = :from")
  int moveIfStill(
      @Param("id") Long id, @Param("from") String from, @Param("status") String status, @Param("error") String error,
      @Param("startedAt") Instant startedAt, @Param("finishedAt") Instant finishedAt);
}
