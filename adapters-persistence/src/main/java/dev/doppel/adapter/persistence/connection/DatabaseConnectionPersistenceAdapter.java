package dev.doppel.adapter.persistence.connection;

import dev.doppel.application.port.out.ConnectionStore;
import dev.doppel.domain.connection.ConnectionId;
import dev.doppel.domain.connection.DatabaseConnection;
import dev.doppel.domain.connection.NewDatabaseConnection;
import dev.doppel.domain.project.ProjectId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class DatabaseConnectionPersistenceAdapter implements ConnectionStore {
  private final DatabaseConnectionJpaRepository repository;
  private final DatabaseConnectionPersistenceMapper mapper;

  DatabaseConnectionPersistenceAdapter(DatabaseConnectionJpaRepository repository, DatabaseConnectionPersistenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  @Override
  @Transactional
  public DatabaseConnection add(NewDatabaseConnection connection) {
    return mapper.toDomain(repository.saveAndFlush(mapper.toEntity(connection)));
  }

  @Override
  public Optional<DatabaseConnection> findById(ConnectionId id) {
    return repository.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  public List<DatabaseConnection> listByProject(ProjectId project) {
    return repository.findByProjectIdOrderByIdAsc(project.value()).stream().map(mapper::toDomain).toList();
  }

  @Override
  @Transactional
  public void delete(ConnectionId id) {
    repository.deleteById(id.value());
  }
}
