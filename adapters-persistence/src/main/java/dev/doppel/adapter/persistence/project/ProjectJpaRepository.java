package dev.doppel.adapter.persistence.project;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProjectJpaRepository extends JpaRepository<ProjectJpaEntity, Long> {
  Optional<ProjectJpaEntity> findByIdAndUserId(Long id, Long userId);

  List<ProjectJpaEntity> findByUserIdOrderByCreatedAtDescIdDesc(Long userId);

  /** One statement; the database's ON DELETE CASCADE removes datasets, models and batches. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from ProjectJpaEntity p where p.id = :id")
  int deleteProjectById(@Param("id") Long id);
}
