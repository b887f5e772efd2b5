package dev.doppel.adapter.web.project;

import dev.doppel.domain.project.Project;
import java.time.Instant;

public record ProjectResponse(long id, String name, String description, Instant createdAt) {
  static ProjectResponse from(Project project) {
    return new ProjectResponse(project.id().value(), project.name().value(), project.description(), project.createdAt());
  }
}
