package dev.doppel.adapter.persistence.model;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.job.JobState;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class ModelPersistenceAdapter implements ModelStore {
  private final ModelJpaRepository repository;
  private final ModelPersistenceMapper mapper;

  ModelPersistenceAdapter(ModelJpaRepository repository, ModelPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  @Override
  @Transactional
  public SynthesisModel add(NewModel model) {
    return mapper.toDomain(repository.saveAndFlush(mapper.toEntity(model)));
  }

  @Override
  public Optional<SynthesisModel> findById(ModelId id) {
    return repository.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  public List<SynthesisModel> listByDataset(DatasetId dataset) {
    return repository.findByDatasetIdOrderByCreatedAtDescIdDesc(dataset.value()).stream().map(mapper::toDomain).toList();
  }

  @Override
  public List<SynthesisModel> listByProject(ProjectId project) {
    return repository.findByProjectNewestFirst(project.value()).stream().map(mapper::toDomain).toList();
  }

  @Override
  public List<SynthesisModel> listByStatus(ModelStatus status) {
    return repository.findByStatusOrderByIdAsc(status.name()).stream().map(mapper::toDomain).toList();
  }

  /** Writes status, progress, loss history, model folder, summary, error and times: the last writer wins. */
  @Override
  @Transactional
  public SynthesisModel update(SynthesisModel model) {
    ModelJpaEntity entity = repository
        .findById(model.id().value())
        .orElseThrow(() -> new NotFoundException("model", model.id().value(), "id"));
    mapper.updateEntity(model, entity);
    return mapper.toDomain(repository.saveAndFlush(entity));
  }

  @Override
  @Transactional
  public Optional<SynthesisModel> claim(ModelId id, String modelFolderKey, Instant now) {
    return findQueued(id).flatMap(queued -> moveIfStill(queued, queued.start(modelFolderKey, now)));
  }

  @Override
  @Transactional
  public Optional<SynthesisModel> cancelIfPending(ModelId id, Instant now) {
    return findQueued(id).flatMap(queued -> moveIfStill(queued, queued.cancel(now)));
  }

  @Override
  public int queuePosition(ModelId id) {
    return Math.toIntExact(repository.countByStatusAndIdLessThan(ModelStatus.PENDING.name(), id.value()));
  }

  private Optional<SynthesisModel> findQueued(ModelId id) {
    return findById(id).filter(model -> model.status().state() == JobState.QUEUED);
  }

  /** Stores the domain's move from {@code before} to {@code after} unless another caller moved the row first. */
  private Optional<SynthesisModel> moveIfStill(SynthesisModel before, SynthesisModel after) {
    int moved = repository.moveIfStill(
        after.id().value(), before.status().name(), after.status().name(), OptionalColumns.fromText(after.modelFolderKey()),
        OptionalColumns.fromText(after.error()), OptionalColumns.fromTime(after.startedAt()), OptionalColumns.fromTime(after.finishedAt()));
    return moved == 0 ? Optional.empty() : findById(after.id());
  }

  @Override
  @Transactional
  public void delete(ModelId id) {
    repository.deleteModelById(id.value());
  }
}
