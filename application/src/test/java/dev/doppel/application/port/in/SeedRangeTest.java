package dev.doppel.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.dataset.profile.TableRules;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A training and a generation take the same seeds: the shared table rules' range, both ends included. */
class SeedRangeTest {
  private static final TableRules.SeedRange SEEDS = TableRules.SHARED.seed();

  @Test
  void bothEndsOfTheRangeAreAccepted() {
    assertThat(train(SEEDS.min()).seed()).contains(SEEDS.min());
    assertThat(generate(SEEDS.max()).seed()).contains(SEEDS.max());
  }

  @Test
  void aSeedOutsideTheRangeIsRefusedNamingTheFieldInATrainingAndAGeneration() {
    for (Runnable outside : List.<Runnable>of(() -> train(SEEDS.min() - 1), () -> train(SEEDS.max() + 1), () -> generate(SEEDS.max() + 1))) {
      assertThatThrownBy(outside::run)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("seed"))
          .hasMessage("seed must be between " + SEEDS.min() + " and " + SEEDS.max());
    }
  }

  private static TrainModelCommand train(long seed) {
    return new TrainModelCommand(new UserId(1), new DatasetId(1), "GaussianCopula", Map.of(), Optional.empty(), Optional.of(seed));
  }

  private static GenerateBatchCommand generate(long seed) {
    return new GenerateBatchCommand(new UserId(1), new ModelId(1), Optional.of(10L), Optional.empty(), Optional.of(seed), List.of(), GivenValues.NONE);
  }
}
