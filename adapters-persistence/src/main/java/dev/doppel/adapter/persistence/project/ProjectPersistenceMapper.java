package dev.doppel.adapter.persistence.project;

import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.domain.project.NewProject;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.project.ProjectName;
import dev.doppel.domain.user.UserId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = TimeColumns.class)
interface ProjectPersistenceMapper {
  // MapStruct takes the record's copy-with methods for fluent setters; they are not properties.
  @Mapping(target = "renamed", ignore = true)
  @Mapping(target = "describedAs", ignore = true)
  @Mapping(target = "ownerId", source = "userId")
  Project toDomain(ProjectJpaEntity entity);

  @Mapping(target = "id", ignore = true)
  @Mapping(target = "userId", source = "ownerId")
  ProjectJpaEntity toEntity(NewProject project);

  default ProjectId toProjectId(Long id) {
    return new ProjectId(id);
  }

  default UserId toUserId(Long id) {
    return new UserId(id);
  }

  default Long fromUserId(UserId id) {
    return id.value();
  }

  default ProjectName toProjectName(String value) {
    return new ProjectName(value);
  }

  default String fromProjectName(ProjectName name) {
    return name.value();
  }
}
