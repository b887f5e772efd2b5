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

  @Query("select count(m) from ModelJpaEntity m where m.status = 'PENDING' and m.id < :id")
  long countPendingBefore(@Param("id") Long id);

  /**
   * One conditional UPDATE: the database lets exactly one of several concurrent callers (on any
   * node) change the row while it is still PENDING; the others see 0 rows changed.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update ModelJpaEntity m set m.status = 'TRAINING', m.modelFilePath = :artifactKey, m.startedAt = :now"
      + " where m.id = :id and m.status = 'PENDING'")
  int claimPending(@Param("id") Long id, @Param("artifactKey") String artifactKey, @Param("now") Instant now);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update ModelJpaEntity m set m.status = 'CANCELLED', m.finishedAt = :now, m.errorMessage = :reason"
      + " where m.id = :id and m.status = 'PENDING'")
  int cancelPending(@Param("id") Long id, @Param("now") Instant now, @Param("reason") String reason);

  /** One statement; the database's ON DELETE CASCADE removes the batches and the evaluation. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from ModelJpaEntity m where m.id = :id")
  int deleteModelById(@Param("id") Long id);
}
