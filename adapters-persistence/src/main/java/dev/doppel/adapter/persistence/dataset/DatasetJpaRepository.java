package dev.doppel.adapter.persistence.dataset;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DatasetJpaRepository extends JpaRepository<DatasetJpaEntity, Long> {
  /** Newest first; the id breaks ties between uploads in the same microsecond. */
  List<DatasetJpaEntity> findByProjectIdOrderByUploadedAtDescIdDesc(Long projectId);
}
