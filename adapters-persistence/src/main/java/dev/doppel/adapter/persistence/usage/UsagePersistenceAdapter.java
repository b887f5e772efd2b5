package dev.doppel.adapter.persistence.usage;

import dev.doppel.application.port.out.UserUsage;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.job.JobStatus;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.user.UserId;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sums over the user's rows: a few indexed joins per request that creates work, never a cached counter to drift. */
@Component
@Transactional(readOnly = true)
public class UsagePersistenceAdapter implements UserUsage {
  private static final String USERS_DATASETS = "DatasetJpaEntity d, ProjectJpaEntity p where d.projectId = p.id and p.userId = :user";
  private static final String USERS_MODELS = "ModelJpaEntity m, " + USERS_DATASETS + " and m.datasetId = d.id";
  private static final String USERS_BATCHES = "SyntheticBatchJpaEntity b, " + USERS_MODELS + " and b.modelId = m.id";
  private static final String USERS_DATABASE_MODELS = "DatabaseModelJpaEntity dm, ProjectJpaEntity p where dm.projectId = p.id and p.userId = :user";
  private static final String USERS_DATABASE_BATCHES = "DatabaseBatchJpaEntity db, " + USERS_DATABASE_MODELS + " and db.databaseModelId = dm.id";

  private final EntityManager entities;

  UsagePersistenceAdapter(EntityManager entities) {
    this.entities = entities;
  }

  @Override
  public long storedBytes(UserId user) {
    return number("select coalesce(sum(d.sizeBytes), 0) from " + USERS_DATASETS, user)
        + number("select coalesce(sum(b.sizeBytes), 0) from " + USERS_BATCHES, user);
  }

  @Override
  public int activeJobs(UserId user) {
    List<String> training = names(JobStatus.unfinished(ModelStatus.class));
    List<String> generating = names(JobStatus.unfinished(BatchStatus.class));
    return Math.toIntExact(
        unfinished("m", USERS_MODELS, training, user) + unfinished("b", USERS_BATCHES, generating, user)
            + unfinished("dm", USERS_DATABASE_MODELS, training, user) + unfinished("db", USERS_DATABASE_BATCHES, generating, user));
  }

  private long unfinished(String job, String usersJobs, List<String> statuses, UserId user) {
    return entities.createQuery("select count(" + job + ") from " + usersJobs + " and " + job + ".status in :unfinished", Long.class)
        .setParameter("user", user.value())
        .setParameter("unfinished", statuses)
        .getSingleResult();
  }

  private long number(String query, UserId user) {
    return entities.createQuery(query, Long.class).setParameter("user", user.value()).getSingleResult();
  }

  private static List<String> names(List<? extends Enum<?>> statuses) {
    return statuses.stream().map(Enum::name).toList();
  }
}
