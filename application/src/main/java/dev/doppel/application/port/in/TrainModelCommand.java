package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.user.UserId;
import java.util.Map;
import java.util.Optional;

/**
 * @param settings hyper-parameters by the engine's names; checked against the catalogue
 * @param differentialPrivacy the privacy settings (such as the maximum ε) when the training must be
 *     differentially private; checked against the catalogue too
 */
public record TrainModelCommand(
    UserId owner, DatasetId dataset, String algorithm, Map<String, Object> settings, Optional<Map<String, Object>> differentialPrivacy, Optional<Long> seed) {
  public TrainModelCommand {
    Require.present("owner", owner);
    Require.present("datasetId", dataset);
    if (algorithm == null || algorithm.isBlank()) {
      throw new InvalidInputException("algorithm", "algorithm is required");
    }
    settings = Require.settings("settings", settings);
    differentialPrivacy = differentialPrivacy == null ? Optional.empty() : differentialPrivacy.map(values -> Require.settings("differentialPrivacy", values));
    seed = Require.seed(seed);
  }
}
