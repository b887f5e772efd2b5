package dev.doppel.adapter.persistence.batch;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.NewBatch;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.job.JobState;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class BatchPersistenceAdapter implements BatchStore {
  private final SyntheticBatchJpaRepository repository;
  private final SyntheticBatchPersistenceMapper mapper;

  BatchPersistenceAdapter(SyntheticBatchJpaRepository repository, SyntheticBatchPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  @Override
  @Transactional
  public SyntheticBatch add(NewBatch batch) {
    return mapper.toDomain(repository.saveAndFlush(mapper.toEntity(batch)));
  }

  @Override
  public Optional<SyntheticBatch> findById(BatchId id) {
    return repository.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  public List<SyntheticBatch> listByModel(ModelId model) {
    return repository.findByModelIdOrderByCreatedAtDescIdDesc(model.value()).stream().map(mapper::toDomain).toList();
  }

  @Override
  public List<SyntheticBatch> listByStatus(BatchStatus status) {
    return repository.findByStatusOrderByIdAsc(status.name()).stream().map(mapper::toDomain).toList();
  }

  /** Writes status, rows done, the file's columns, error and times: the last writer wins. */
  @Override
  @Transactional
  public SyntheticBatch update(SyntheticBatch batch) {
    SyntheticBatchJpaEntity entity = repository
        .findById(batch.id().value())
        .orElseThrow(() -> new NotFoundException("batch", batch.id().value(), "id"));
    mapper.updateEntity(batch, entity);
    return mapper.toDomain(repository.saveAndFlush(entity));
  }

  @Override
  @Transactional
  public Optional<SyntheticBatch> claim(BatchId id, Instant now) {
    return findQueued(id).flatMap(queued -> moveIfStill(queued, queued.start(now)));
  }

  @Override
  @Transactional
  public Optional<SyntheticBatch> cancelIfPending(BatchId id, Instant now) {
    return findQueued(id).flatMap(queued -> moveIfStill(queued, queued.cancel(now)));
  }

  private Optional<SyntheticBatch> findQueued(BatchId id) {
    return findById(id).filter(batch -> batch.status().state() == JobState.QUEUED);
  }

  /** Stores the domain's move from {@code before} to {@code after} unless another caller moved the row first. */
  private Optional<SyntheticBatch> moveIfStill(SyntheticBatch before, SyntheticBatch after) {
    int moved = repository.moveIfStill(
        after.id().value(), before.status().name(), after.status().name(), after.rowsDone(), OptionalColumns.fromText(after.error()),
        OptionalColumns.fromTime(after.startedAt()), OptionalColumns.fromTime(after.finishedAt()));
    return moved == 0 ? Optional.empty() : findById(after.id());
  }

  @Override
  @Transactional
  public void delete(BatchId id) {
    repository.deleteBatchById(id.value());
  }
}
