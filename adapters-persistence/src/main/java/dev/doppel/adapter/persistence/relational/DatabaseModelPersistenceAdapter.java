package dev.doppel.adapter.persistence.relational;

import dev.doppel.adapter.persistence.OptionalColumns;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.DatabaseModelStore;
import dev.doppel.domain.job.JobState;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.relational.NewDatabaseModel;
import dev.doppel.domain.synthesis.ModelStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class DatabaseModelPersistenceAdapter implements DatabaseModelStore {
  private final DatabaseModelJpaRepository repository;
  private final DatabaseModelPersistenceMapper mapper;

  DatabaseModelPersistenceAdapter(DatabaseModelJpaRepository repository, DatabaseModelPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  @Override
  @Transactional
  public DatabaseModel add(NewDatabaseModel model) {
    return mapper.toDomain(repository.saveAndFlush(mapper.toEntity(model)));
  }

  @Override
  public Optional<DatabaseModel> findById(DatabaseModelId id) {
    return repository.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  public List<DatabaseModel> listByProject(ProjectId project) {
    return repository.findByProjectIdOrderByCreatedAtDescIdDesc(project.value()).stream().map(mapper::toDomain).toList();
  }

  @Override
  public List<DatabaseModel> listByStatus(ModelStatus status) {
    return repository.findByStatusOrderByIdAsc(status.name()).stream().map(mapper::toDomain).toList();
  }

  /** Writes status, progress, folder, summary, error and times: the last writer wins. */
  @Override
  @Transactional
  public DatabaseModel update(DatabaseModel model) {
    DatabaseModelJpaEntity entity = repository.findById(model.id().value()).orElseThrow(() -> new NotFoundException("database model", model.id().value(), "id"));
    mapper.updateEntity(model, entity);
    return mapper.toDomain(repository.saveAndFlush(entity));
  }

  @Override
  @Transactional
  public Optional<DatabaseModel> claim(DatabaseModelId id, String modelFolderKey, Instant now) {
    return findQueued(id).flatMap(queued -> moveIfStill(queued, queued.start(modelFolderKey, now)));
  }

  @Override
  @Transactional
  public Optional<DatabaseModel> cancelIfPending(DatabaseModelId id, Instant now) {
    return findQueued(id).flatMap(queued -> moveIfStill(queued, queued.cancel(now)));
  }

  private Optional<DatabaseModel> findQueued(DatabaseModelId id) {
    return findById(id).filter(model -> model.status().state() == JobState.QUEUED);
  }

  /** Stores the domain's move from {@code before} to {@code after} unless another caller moved the row first. */
  private Optional<DatabaseModel> moveIfStill(DatabaseModel before, DatabaseModel after) {
    int moved = repository.moveIfStill(
        after.id().value(), before.status().name(), after.status().name(), OptionalColumns.fromText(after.modelFolderKey()), OptionalColumns.fromText(after.error()),
        OptionalColumns.fromTime(after.startedAt()), OptionalColumns.fromTime(after.finishedAt()));
    return moved == 0 ? Optional.empty() : findById(after.id());
  }

  @Override
  @Transactional
  public void delete(DatabaseModelId id) {
    repository.deleteDatabaseModelById(id.value());
  }
}
