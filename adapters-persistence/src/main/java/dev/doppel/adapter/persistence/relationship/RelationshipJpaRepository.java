package dev.doppel.adapter.persistence.relationship;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RelationshipJpaRepository extends JpaRepository<RelationshipJpaEntity, Long> {
  List<RelationshipJpaEntity> findByProjectIdOrderByIdAsc(Long projectId);
}
