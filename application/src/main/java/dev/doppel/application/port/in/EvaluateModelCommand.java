package dev.doppel.application.port.in;

import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.util.Optional;

/** @param target the column the utility test predicts; empty lets the engine choose */
public record EvaluateModelCommand(UserId owner, ModelId model, Optional<String> target) {
  public EvaluateModelCommand {
    Require.present("owner", owner);
    Require.present("id", model);
    target = target == null ? Optional.empty() : target;
    if (target.filter(String::isBlank).isPresent()) {
      throw new InvalidInputException("target", "target must name a column of the model's table, or be left out to let the engine choose");
    }
  }
}
