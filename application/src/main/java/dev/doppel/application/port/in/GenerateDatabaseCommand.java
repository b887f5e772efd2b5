package dev.doppel.application.port.in;

import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.user.UserId;
import java.util.Optional;

/** @param scale what the root tables' real rows are multiplied by: above 0, at most {@link #MAX_SCALE} */
public record GenerateDatabaseCommand(UserId owner, DatabaseModelId model, double scale, Optional<Long> seed) {
  public static final double MAX_SCALE = 100;

  public GenerateDatabaseCommand {
    Require.present("owner", owner);
    Require.present("id", model);
    if (!(scale > 0 && scale <= MAX_SCALE)) {
      throw new InvalidInputException("scale", "scale must be above 0 and at most " + (int) MAX_SCALE);
    }
    seed = Require.seed(seed);
  }
}
