package dev.doppel.adapter.persistence.connection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DatabaseConnectionJpaRepository extends JpaRepository<DatabaseConnectionJpaEntity, Long> {
  List<DatabaseConnectionJpaEntity> findByProjectIdOrderByIdAsc(Long projectId);
}
