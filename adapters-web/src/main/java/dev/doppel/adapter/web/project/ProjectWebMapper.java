package dev.doppel.adapter.web.project;

import dev.doppel.domain.project.Project;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
public interface ProjectWebMapper {
  @Mapping(target = "id", source = "id.value")
  @Mapping(target = "name", source = "name.value")
  ProjectResponse toResponse(Project project);
}
