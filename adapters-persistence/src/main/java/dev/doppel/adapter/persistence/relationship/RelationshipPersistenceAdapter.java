package dev.doppel.adapter.persistence.relationship;

import dev.doppel.application.port.out.RelationshipStore;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.schema.NewRelationship;
import dev.doppel.domain.schema.Relationship;
import dev.doppel.domain.schema.RelationshipId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class RelationshipPersistenceAdapter implements RelationshipStore {
  private final RelationshipJpaRepository repository;
  private final RelationshipPersistenceMapper mapper;

  RelationshipPersistenceAdapter(RelationshipJpaRepository repository, RelationshipPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  @Override
  @Transactional
  public Relationship add(NewRelationship relationship) {
    return mapper.toDomain(repository.saveAndFlush(mapper.toEntity(relationship)));
  }

  @Override
  public List<Relationship> listByProject(ProjectId project) {
    return repository.findByProjectIdOrderByIdAsc(project.value()).stream().map(mapper::toDomain).toList();
  }

  @Override
  public Optional<Relationship> findById(RelationshipId id) {
    return repository.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  @Transactional
  public void delete(RelationshipId id) {
    repository.deleteById(id.value());
  }
}
