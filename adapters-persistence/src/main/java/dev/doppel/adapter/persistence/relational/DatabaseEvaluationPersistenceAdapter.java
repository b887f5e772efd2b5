package dev.doppel.adapter.persistence.relational;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.application.port.out.DatabaseEvaluationStore;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseEvaluation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class DatabaseEvaluationPersistenceAdapter implements DatabaseEvaluationStore {
  private final DatabaseEvaluationJpaRepository repository;
  private final DatabaseEvaluationPersistenceMapper mapper;

  DatabaseEvaluationPersistenceAdapter(DatabaseEvaluationJpaRepository repository, DatabaseEvaluationPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  /** Inserts the batch's evaluation, or replaces every column of the one it has. */
  @Override
  @Transactional
  public DatabaseEvaluation save(DatabaseEvaluation evaluation) {
    DatabaseEvaluationJpaEntity entity = repository.findById(evaluation.batchId().value()).orElseGet(DatabaseEvaluationJpaEntity::new);
    mapper.updateEntity(evaluation, entity);
    return mapper.toDomain(repository.saveAndFlush(entity));
  }

  @Override
  public Optional<DatabaseEvaluation> find(DatabaseBatchId batch) {
    return repository.findById(batch.value()).map(mapper::toDomain);
  }

  @Override
  public List<DatabaseEvaluation> listByStatus(EvaluationStatus status) {
    return repository.findByStatusOrderByRequestedAtAscDatabaseBatchIdAsc(status.name()).stream().map(mapper::toDomain).toList();
  }

  /** The domain's start, stored unless another worker claimed the row first. */
  @Override
  @Transactional
  public Optional<DatabaseEvaluation> claim(DatabaseBatchId batch, Instant now) {
    Optional<DatabaseEvaluation> pending = find(batch).filter(e -> e.status() == EvaluationStatus.PENDING);
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    DatabaseEvaluation started = pending.get().start(now);
    int moved = repository.startIfStill(batch.value(), EvaluationStatus.PENDING.name(), started.status().name(), OptionalColumns.fromTime(started.startedAt()));
    return moved == 0 ? Optional.empty() : find(batch);
  }
}
