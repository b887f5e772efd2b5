package dev.doppel.adapter.persistence.job;

import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobLeases;
import dev.doppel.application.port.out.NodeId;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Job leases in {@code job_leases}, one row per job, keyed by the job's kind and id. Not
 * transactional itself: each statement commits alone (see the repository), so a lost race to
 * insert a lease is an answer, not a rolled-back transaction.
 */
@Component
public class JobLeasePersistenceAdapter implements JobLeases {
  private final JobLeaseJpaRepository repository;

  JobLeasePersistenceAdapter(JobLeaseJpaRepository repository) {
    this.repository = repository;
  }

  @Override
  public boolean acquire(JobKey job, NodeId node, Instant now, Instant expiresAt) {
    String key = keyOf(job);
    if (repository.takeOverIfExpired(key, node.value(), TimeColumns.toMicros(now), TimeColumns.toMicros(expiresAt)) == 1) {
      return true;
    }
    if (repository.existsById(key)) {
      return false;
    }
    try {
      return repository.insert(key, node.value(), TimeColumns.toMicros(expiresAt)) == 1;
    } catch (DataIntegrityViolationException anotherNodeWasFirst) {
      return false;
    }
  }

  @Override
  public List<Held> renew(NodeId node, Instant expiresAt) {
    repository.renewAll(node.value(), TimeColumns.toMicros(expiresAt));
    return repository.findByNodeId(node.value()).stream().map(row -> new Held(jobOf(row.getJobKey()), row.isCancelRequested())).toList();
  }

  @Override
  public boolean requestCancel(JobKey job, Instant now) {
    return repository.requestCancelIfHeld(keyOf(job), TimeColumns.toMicros(now)) > 0;
  }

  @Override
  public boolean isHeld(JobKey job, Instant now) {
    return repository.existsByJobKeyAndExpiresAtAfter(keyOf(job), TimeColumns.toMicros(now));
  }

  @Override
  public void release(JobKey job, NodeId node) {
    repository.deleteHeld(keyOf(job), node.value());
  }

  @Override
  public void releaseAllBut(NodeId node) {
    repository.deleteAllBut(node.value());
  }

  @Override
  public void dropExpired(Instant now) {
    repository.deleteExpired(TimeColumns.toMicros(now));
  }

  /** E.g. "training:7": the job's kind and its row's id. */
  static String keyOf(JobKey job) {
    if (job instanceof JobKey.Training training) {
      return "training:" + training.model().value();
    } else if (job instanceof JobKey.Generation generation) {
      return "generation:" + generation.batch().value();
    } else if (job instanceof JobKey.Evaluation evaluation) {
      return "evaluation:" + evaluation.model().value();
    } else if (job instanceof JobKey.DatabaseTraining training) {
      return "database-training:" + training.model().value();
    } else if (job instanceof JobKey.DatabaseGeneration generation) {
      return "database-generation:" + generation.batch().value();
    } else if (job instanceof JobKey.DatabaseEvaluation evaluation) {
      return "database-evaluation:" + evaluation.batch().value();
    }
    throw new IllegalArgumentException("no lease key for " + job);
  }

  static JobKey jobOf(String key) {
    int colon = key.lastIndexOf(':');
    long id = Long.parseLong(key.substring(colon + 1));
    return switch (key.substring(0, colon)) {
      case "training" -> new JobKey.Training(new ModelId(id));
      case "generation" -> new JobKey.Generation(new BatchId(id));
      case "evaluation" -> new JobKey.Evaluation(new ModelId(id));
      case "database-training" -> new JobKey.DatabaseTraining(new DatabaseModelId(id));
      case "database-generation" -> new JobKey.DatabaseGeneration(new DatabaseBatchId(id));
      case "database-evaluation" -> new JobKey.DatabaseEvaluation(new DatabaseBatchId(id));
      default -> throw new IllegalStateException("job_leases holds an unknown job key: " + key);
    };
  }
}
