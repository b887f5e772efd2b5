package dev.doppel.domain.relational;

import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.TrainingSettings;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A database model just requested: the tables parents first, and the links between them. */
public record NewDatabaseModel(
    ProjectId projectId, Algorithm algorithm, TrainingSettings settings, Optional<Long> seed, List<TrainedTable> tables, List<TableLink> links,
    Instant createdAt) {
  public NewDatabaseModel {
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(seed, "seed");
    tables = List.copyOf(tables);
    links = List.copyOf(links);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
