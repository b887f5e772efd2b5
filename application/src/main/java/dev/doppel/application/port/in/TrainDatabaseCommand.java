package dev.doppel.application.port.in;

import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a model of a project's related tables, as its schema declares them now.
 *
 * @param settings hyper-parameters by the engine's names; checked against the catalogue
 */
public record TrainDatabaseCommand(UserId owner, ProjectId project, String algorithm, Map<String, Object> settings, Optional<Long> seed) {
  public TrainDatabaseCommand {
    Require.present("owner", owner);
    Require.present("projectId", project);
    if (algorithm == null || algorithm.isBlank()) {
      throw new InvalidInputException("algorithm", "algorithm is required");
    }
    settings = Require.settings("settings", settings);
    seed = Require.seed(seed);
  }
}
