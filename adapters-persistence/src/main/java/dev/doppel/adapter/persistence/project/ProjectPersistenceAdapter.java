package dev.doppel.adapter.persistence.project;

import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.domain.project.NewProject;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class ProjectPersistenceAdapter implements ProjectStore {
  private final ProjectJpaRepository repository;
  private final ProjectPersistenceMapper mapper;

  ProjectPersistenceAdapter(ProjectJpaRepository repository, ProjectPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  @Override
  @Transactional
  public Project add(NewProject project) {
    return mapper.toDomain(repository.saveAndFlush(mapper.toEntity(project)));
  }

  @Override
  public Optional<Project> findOwned(ProjectId id, UserId owner) {
    return repository.findByIdAndUserId(id.value(), owner.value()).map(mapper::toDomain);
  }

  @Override
  public List<Project> listOwnedBy(UserId owner) {
    return repository.findByUserIdOrderByCreatedAtDescIdDesc(owner.value()).stream().map(mapper::toDomain).toList();
  }

  /** Changes what a user may change, the name and the description; owner and creation stay. */
  @Override
  @Transactional
  public Project update(Project project) {
    ProjectJpaEntity entity = repository
        .findById(project.id().value())
        .orElseThrow(() -> new NotFoundException("project", project.id().value(), "id"));
    entity.setName(project.name().value());
    entity.setDescription(project.description());
    return mapper.toDomain(repository.saveAndFlush(entity));
  }

  @Override
  @Transactional
  public void delete(ProjectId id) {
    repository.deleteProjectById(id.value());
  }
}
