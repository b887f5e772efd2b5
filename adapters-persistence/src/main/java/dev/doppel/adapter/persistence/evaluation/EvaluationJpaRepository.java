package dev.doppel.adapter.persistence.evaluation;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EvaluationJpaRepository extends JpaRepository<EvaluationJpaEntity, Long> {
  /** Oldest request first; the model id breaks ties between requests in the same instant. */
  List<EvaluationJpaEntity> findByStatusOrderByRequestedAtAscModelIdAsc(String status);

  /** One conditional UPDATE: only one caller moves the row out of {@code from}. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update EvaluationJpaEntity e set e.status = :status, e.startedAt = :startedAt where e.modelId = :model and e.status = :from")
  int startIfStill(@Param("model") Long model, @Param("from") String from, @Param("status") String status, @Param("startedAt") Instant startedAt);
}
