package dev.doppel.domain.dataset;

import dev.doppel.domain.project.ProjectId;
import java.time.Instant;
import java.util.Objects;

/** A dataset about to be stored, before the store has given it an id. */
public record NewDataset(ProjectId projectId, DatasetName name, StoredFile file, DatasetProfile profile, Instant uploadedAt) {
  public NewDataset {
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(uploadedAt, "uploadedAt");
  }
}
