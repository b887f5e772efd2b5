package dev.doppel.adapter.persistence.evaluation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvaluationJpaRepository extends JpaRepository<EvaluationJpaEntity, Long> {
  /** Oldest request first; the model id breaks ties between requests in the same instant. */
  List<EvaluationJpaEntity> findByStatusOrderByRequestedAtAscModelIdAsc(String status);
}
