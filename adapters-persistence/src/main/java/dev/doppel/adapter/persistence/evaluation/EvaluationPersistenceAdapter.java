package dev.doppel.adapter.persistence.evaluation;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class EvaluationPersistenceAdapter implements EvaluationStore {
  private final EvaluationJpaRepository repository;
  private final EvaluationPersistenceMapper mapper;

  EvaluationPersistenceAdapter(EvaluationJpaRepository repository, EvaluationPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  /** Inserts the model's evaluation, or replaces every column of the one it has. */
  @Override
  @Transactional
  public Evaluation save(Evaluation evaluation) {
    EvaluationJpaEntity entity = repository.findById(evaluation.modelId().value()).orElseGet(EvaluationJpaEntity::new);
    mapper.updateEntity(evaluation, entity);
    return mapper.toDomain(repository.saveAndFlush(entity));
  }

  @Override
  public Optional<Evaluation> find(ModelId model) {
    return repository.findById(model.value()).map(mapper::toDomain);
  }

  @Override
  public List<Evaluation> listByStatus(EvaluationStatus status) {
    return repository.findByStatusOrderByRequestedAtAscModelIdAsc(status.name()).stream().map(mapper::toDomain).toList();
  }

  /** The domain's start, stored unless another worker claimed the row first. */
  @Override
  @Transactional
  public Optional<Evaluation> claim(ModelId model, Instant now) {
    Optional<Evaluation> pending = find(model).filter(e -> e.status() == EvaluationStatus.PENDING);
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    Evaluation started = pending.get().start(now);
    int moved = repository.startIfStill(model.value(), EvaluationStatus.PENDING.name(), started.status().name(), OptionalColumns.fromTime(started.startedAt()));
    return moved == 0 ? Optional.empty() : find(model);
  }
}
