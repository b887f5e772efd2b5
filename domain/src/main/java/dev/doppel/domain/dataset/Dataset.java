package dev.doppel.domain.dataset;

import dev.doppel.domain.project.ProjectId;
import java.time.Instant;
import java.util.Objects;

/** An uploaded real table inside a project, with the profile the platform inferred from it. */
public record Dataset(
    DatasetId id, ProjectId projectId, DatasetName name, StoredFile file, DatasetProfile profile, Instant uploadedAt) {
  public Dataset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(uploadedAt, "uploadedAt");
  }

  public Dataset withProfile(DatasetProfile newProfile) {
    return new Dataset(id, projectId, name, file, newProfile, uploadedAt);
  }
}
