package dev.doppel.adapter.persistence.batch;

import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.NewBatch;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class BatchPersistenceAdapter implements BatchStore {
  /** What {@link SyntheticBatch#cancel} records; the conditional cancel writes the same. */
  static final String CANCELLED_BY_USER = "cancelled by the user";

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
    if (repository.claimPending(id.value(), TimeColumns.toMicros(now)) == 0) {
      return Optional.empty();
    }
    return findById(id);
  }

  @Override
  @Transactional
  public Optional<SyntheticBatch> cancelIfPending(BatchId id, Instant now) {
    if (repository.cancelPending(id.value(), TimeColumns.toMicros(now), CANCELLED_BY_USER) == 0) {
      return Optional.empty();
    }
    return findById(id);
  }

  @Override
  @Transactional
  public void delete(BatchId id) {
    repository.deleteBatchById(id.value());
  }
}
