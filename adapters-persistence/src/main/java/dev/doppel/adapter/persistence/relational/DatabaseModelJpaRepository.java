package dev.doppel.adapter.persistence.relational;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DatabaseModelJpaRepository extends JpaRepository<DatabaseModelJpaEntity, Long> {
  /** Newest first; the id breaks ties between requests in the same instant. */
  List<DatabaseModelJpaEntity> findByProjectIdOrderByCreatedAtDescIdDesc(Long projectId);

  /** Oldest first: ids grow with every request. */
  List<DatabaseModelJpaEntity> findByStatusOrderByIdAsc(String status);

  /**
   * Writes a database model's move to another state only while its row is still in the state the
   * move started from: one conditional UPDATE, so exactly one of several concurrent callers (on any
   * node) moves it; the others see 0 rows changed.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update DatabaseModelJpaEntity m set m.status = :status, m.modelFolderKey = :modelFolderKey, m.errorMessage = :error,"
      + " m.startedAt = :startedAt, m.finishedAt = :finishedAt where m.id = :id and m.status = :from")
  int moveIfStill(
      @Param("id") Long id, @Param("from") String from, @Param("status") String status, @Param("modelFolderKey") String modelFolderKey,
      @Param("error") String error, @Param("startedAt") Instant startedAt, @Param("finishedAt") Instant finishedAt);

  /** One statement; the database's ON DELETE CASCADE removes the batches. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from DatabaseModelJpaEntity m where m.id = :id")
  int deleteDatabaseModelById(@Param("id") Long id);
}
