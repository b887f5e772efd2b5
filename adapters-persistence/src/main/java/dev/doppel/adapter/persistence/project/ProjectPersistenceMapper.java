package dev.doppel.adapter.persistence.project;

import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.domain.project.NewProject;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.project.ProjectName;
import dev.doppel.domain.user.UserId;
import org.springframework.stereotype.Component;

/** Between a projects row and the domain's {@link Project}; the row names the owner {@code user_id}. */
@Component
class ProjectPersistenceMapper {
  Project toDomain(ProjectJpaEntity entity) {
    return new Project(
        new ProjectId(entity.getId()), new UserId(entity.getUserId()), new ProjectName(entity.getName()), entity.getDescription(),
        TimeColumns.toMicros(entity.getCreatedAt()));
  }

  ProjectJpaEntity toEntity(NewProject project) {
    ProjectJpaEntity entity = new ProjectJpaEntity();
    entity.setUserId(project.ownerId().value());
    entity.setName(project.name().value());
    entity.setDescription(project.description());
    entity.setCreatedAt(TimeColumns.toMicros(project.createdAt()));
    return entity;
  }
}
