package dev.doppel.adapter.persistence.dataset;

import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.dataset.NewDataset;
import dev.doppel.domain.project.ProjectId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class DatasetPersistenceAdapter implements DatasetStore {
  private final DatasetJpaRepository repository;
  private final DatasetPersistenceMapper mapper;

  DatasetPersistenceAdapter(DatasetJpaRepository repository, DatasetPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  @Override
  @Transactional
  public Dataset add(NewDataset dataset) {
    return mapper.toDomain(repository.saveAndFlush(mapper.toEntity(dataset)));
  }

  @Override
  public Optional<Dataset> findById(DatasetId id) {
    return repository.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  public List<Dataset> listByProject(ProjectId project) {
    return repository.findByProjectIdOrderByUploadedAtDescIdDesc(project.value()).stream()
        .map(mapper::toDomain)
        .toList();
  }

  /** Changes what may change after upload: the name and the profile (type overrides). */
  @Override
  @Transactional
  public Dataset update(Dataset dataset) {
    DatasetJpaEntity entity = repository
        .findById(dataset.id().value())
        .orElseThrow(() -> new NotFoundException("dataset", dataset.id().value(), "id"));
    entity.setName(dataset.name().value());
    entity.setMetadata(mapper.toMetadata(dataset.profile()));
    entity.setRowCount(dataset.profile().rowCount());
    return mapper.toDomain(repository.saveAndFlush(entity));
  }

  @Override
  @Transactional
  public void delete(DatasetId id) {
    repository.deleteById(id.value());
  }
}
