package dev.doppel.adapter.persistence.job;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Every change is one statement in its own transaction, so that what decides who holds a lease is the database's row lock. */
public interface JobLeaseJpaRepository extends JpaRepository<JobLeaseJpaEntity, String> {
  List<JobLeaseJpaEntity> findByNodeId(String nodeId);

  boolean existsByJobKeyAndExpiresAtAfter(String jobKey, Instant now);

  /** Fails with a duplicate key when the job has a lease row already. */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(value = "insert into job_leases (job_key, node_id, expires_at, cancel_requested) values (:job, :node, :expiresAt, false)", nativeQuery = true)
  int insert(@Param("job") String job, @Param("node") String node, @Param("expiresAt") Instant expiresAt);

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update JobLeaseJpaEntity l set l.nodeId = :node, l.expiresAt = :expiresAt, l.cancelRequested = false where l.jobKey = :job and l.expiresAt <= :now")
  int takeOverIfExpired(@Param("job") String job, @Param("node") String node, @Param("now") Instant now, @Param("expiresAt") Instant expiresAt);

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update JobLeaseJpaEntity l set l.expiresAt = :expiresAt where l.nodeId = :node")
  int renewAll(@Param("node") String node, @Param("expiresAt") Instant expiresAt);

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update JobLeaseJpaEntity l set l.cancelRequested = true where l.jobKey = :job and l.expiresAt > :now")
  int requestCancelIfHeld(@Param("job") String job, @Param("now") Instant now);

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from JobLeaseJpaEntity l where l.jobKey = :job and l.nodeId = :node")
  int deleteHeld(@Param("job") String job, @Param("node") String node);

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from JobLeaseJpaEntity l where l.nodeId <> :node")
  int deleteAllBut(@Param("node") String node);

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from JobLeaseJpaEntity l where l.expiresAt <= :now")
  int deleteExpired(@Param("now") Instant now);
}
