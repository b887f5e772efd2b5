package dev.doppel.domain.relational;

import java.util.Objects;
import java.util.Optional;

/** Where a database training is: the table being learned, its stage and epoch (when the algorithm has epochs). */
public record DatabaseProgress(Optional<String> table, String stage, Optional<Integer> epoch, Optional<Integer> epochs, double elapsedSeconds) {
  public DatabaseProgress {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(epochs, "epochs");
  }
}
