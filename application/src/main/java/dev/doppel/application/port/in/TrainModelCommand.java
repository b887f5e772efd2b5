package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.user.UserId;
import java.util.Map;
import java.util.Optional;

/**
 * @param settings hyper-parameters by the engine's names; checked against the catalogue
 */
public record TrainModelCommand(UserId owner, DatasetId dataset, String algorithm, Map<String, Object> settings, Optional<Long> seed) {
  public TrainModelCommand {
    Require.present("owner", owner);
    Require.present("datasetId", dataset);
    if (algorithm == null || algorithm.isBlank()) {
      throw new InvalidInputException("algorithm", "algorithm is required");
    }
    settings = Map.copyOf(settings == null ? Map.of() : settings);
    seed = seed == null ? Optional.empty() : seed;
  }
}
