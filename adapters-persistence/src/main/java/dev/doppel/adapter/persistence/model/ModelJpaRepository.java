package dev.doppel.adapter.persistence.model;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ModelJpaRepository extends JpaRepository<ModelJpaEntity, Long> {
  /** Newest first; the id breaks ties between requests in the same instant. */
  List<ModelJpaEntity> findByDatasetIdOrderByCreatedAtDescIdDesc(Long datasetId);

  /** Newest first across the project's datasets. */
  @Query("select m from ModelJpaEntity m, DatasetJpaEntity d"
      + " where d.id = m.datasetId and d.projectId = :projectId order by m.createdAt desc, m.id desc")
  List<ModelJpaEntity> findByProjectNewestFirst(@Param("projectId") Long projectId);

  /** Oldest first: ids grow with every request. */
  List<ModelJpaEntity> findByStatusOrderByIdAsc(String status);

  long countByStatusAndIdLessThan(String status, Long id);

  /**
   * Writes a model's move to another state only while its row is still in the state the move
   * started from: one conditional UPDATE, so the database lets exactly one of several concurrent
   * callers (on any node) move it; the others see 0 rows changed.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update ModelJpaEntity m set m.status = :status, m.modelFolderKey = :modelFolderKey, m.errorMessage = :error,"
      + " m.startedAt = :startedAt, m.finishedAt = :finishedAt where m.id = :id and m.status = :from")
  int moveIfStill(
      @Param("id") Long id, @Param("from") String from, @Param("status") String status, @Param("modelFolderKey") String modelFolderKey,
      @Param("error") String error, @Param("startedAt") Instant startedAt, @Param("finishedAt") Instant finishedAt);

  /** One statement; the database's ON DELETE CASCADE removes the batches and the evaluation. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from ModelJpaEntity m where m.id = :id")
  int deleteModelById(@Param("id") Long id);
}
