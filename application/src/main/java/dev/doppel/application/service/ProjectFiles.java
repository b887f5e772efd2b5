package dev.doppel.application.service;

import dev.doppel.domain.project.ProjectId;
import java.util.UUID;

/** Every file of a project lives under one folder, so deleting the project removes them all. */
final class ProjectFiles {
  private ProjectFiles() {}

  static String folder(ProjectId project) {
    return "projects/" + project.value();
  }

  static String newDatasetKey(ProjectId project) {
    return folder(project) + "/datasets/" + UUID.randomUUID();
  }
}
