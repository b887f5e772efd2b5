package dev.doppel.adapter.persistence.usage;

import dev.doppel.application.port.out.UserUsage;
import dev.doppel.domain.user.UserId;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sums over the user's rows: a few indexed joins per request that creates work, never a cached counter to drift. */
@Component
@Transactional(readOnly = true)
public class UsagePersistenceAdapter implements UserUsage {
  private final EntityManager entities;

  UsagePersistenceAdapter(EntityManager entities) {
    this.entities = entities;
  }

  @Override
  public long storedBytes(UserId user) {
    Long tables = entities.createQuery(
            "select coalesce(sum(d.sizeBytes), 0) from DatasetJpaEntity d, ProjectJpaEntity p"
                + " where d.projectId = p.id and p.userId = :user", Long.class)
        .setParameter("user", user.value())
        .getSingleResult();
    Long batches = entities.createQuery(
            "select coalesce(sum(b.sizeBytes), 0) from SyntheticBatchJpaEntity b, ModelJpaEntity m, DatasetJpaEntity d, ProjectJpaEntity p"
                + " where b.modelId = m.id and m.datasetId = d.id and d.projectId = p.id and p.userId = :user", Long.class)
        .setParameter("user", user.value())
        .getSingleResult();
    return tables + batches;
  }

  @Override
  public int activeJobs(UserId user) {
    Long trainings = entities.createQuery(
            "select count(m) from ModelJpaEntity m, DatasetJpaEntity d, ProjectJpaEntity p"
                + " where m.datasetId = d.id and d.projectId = p.id and p.userId = :user and m.status in ('PENDING', 'TRAINING')", Long.class)
        .setParameter("user", user.value())
        .getSingleResult();
    Long generations = entities.createQuery(
            "select count(b) from SyntheticBatchJpaEntity b, ModelJpaEntity m, DatasetJpaEntity d, ProjectJpaEntity p"
                + " where b.modelId = m.id and m.datasetId = d.id and d.projectId = p.id and p.userId = :user"
                + " and b.status in ('PENDING', 'GENERATING')", Long.class)
        .setParameter("user", user.value())
        .getSingleResult();
    return Math.toIntExact(trainings + generations);
  }
}
