package dev.doppel.application.port.in;

import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * A few rows, sampled within the request.
 *
 * @param rows the rows to sample; with partial rows, their number
 * @param given what the rows are given before the model fills in the rest
 * @param format how the rows come back
 */
public record SampleModelCommand(
    UserId owner, ModelId model, int rows, Optional<AnomalySpec> anomalies, Optional<Long> seed, List<String> rulesOff, GivenValues given,
    ExportFormat format) {
  public SampleModelCommand {
    Require.present("owner", owner);
    Require.present("id", model);
    Require.present("format", format);
    if (rows < 1) {
      throw new InvalidInputException("rows", "rows must be at least 1");
    }
    anomalies = anomalies == null ? Optional.empty() : anomalies;
    seed = Require.seed(seed);
    rulesOff = Require.ruleIds(rulesOff);
    given = given == null ? GivenValues.NONE : given;
  }
}
