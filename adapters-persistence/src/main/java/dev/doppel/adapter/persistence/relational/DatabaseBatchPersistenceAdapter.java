package dev.doppel.adapter.persistence.relational;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.DatabaseBatchStore;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.job.JobState;
import dev.doppel.domain.relational.DatabaseBatch;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.relational.NewDatabaseBatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class DatabaseBatchPersistenceAdapter implements DatabaseBatchStore {
  private final DatabaseBatchJpaRepository repository;
  private final DatabaseModelPersistenceMapper mapper;

  DatabaseBatchPersistenceAdapter(DatabaseBatchJpaRepository repository, DatabaseModelPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  @Override
  @Transactional
  public DatabaseBatch add(NewDatabaseBatch batch) {
    return mapper.toDomain(repository.saveAndFlush(mapper.toEntity(batch)));
  }

  @Override
  public Optional<DatabaseBatch> findById(DatabaseBatchId id) {
    return repository.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  public List<DatabaseBatch> listByModel(DatabaseModelId model) {
    return repository.findByDatabaseModelIdOrderByCreatedAtDescIdDesc(model.value()).stream().map(mapper::toDomain).toList();
  }

  @Override
  public List<DatabaseBatch> listByStatus(BatchStatus status) {
    return repository.findByStatusOrderByIdAsc(status.name()).stream().map(mapper::toDomain).toList();
  }

  /** Writes status, rows per table, folder, error and times: the last writer wins. */
  @Override
  @Transactional
  public DatabaseBatch update(DatabaseBatch batch) {
    DatabaseBatchJpaEntity entity = repository.findById(batch.id().value()).orElseThrow(() -> new NotFoundException("database batch", batch.id().value(), "id"));
    mapper.updateEntity(batch, entity);
    return mapper.toDomain(repository.saveAndFlush(entity));
  }

  @Override
  @Transactional
  public Optional<DatabaseBatch> claim(DatabaseBatchId id, Instant now) {
    return findQueued(id).flatMap(queued -> moveIfStill(queued, queued.start(now)));
  }

  @Override
  @Transactional
  public Optional<DatabaseBatch> cancelIfPending(DatabaseBatchId id, Instant now) {
    return findQueued(id).flatMap(queued -> moveIfStill(queued, queued.cancel(now)));
  }

  private Optional<DatabaseBatch> findQueued(DatabaseBatchId id) {
    return findById(id).filter(batch -> batch.status().state() == JobState.QUEUED);
  }

  /** Stores the domain's move from {@code before} to {@code after} unless another caller moved the row first. */
  private Optional<DatabaseBatch> moveIfStill(DatabaseBatch before, DatabaseBatch after) {
    int moved = repository.moveIfStill(
        after.id().value(), before.status().name(), after.status().name(), OptionalColumns.fromText(after.error()), OptionalColumns.fromTime(after.startedAt()),
        OptionalColumns.fromTime(after.finishedAt()));
    return moved == 0 ? Optional.empty() : findById(after.id());
  }
}
