package dev.doppel.domain.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.job.IllegalTransitionException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SynthesisModelTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(1);
  private static final Instant T2 = T0.plusSeconds(2);

  private final SynthesisModel pending =
      SynthesisModel.pending(new ModelId(7), new NewModel(new DatasetId(3), new Algorithm("ctgan"), TrainingSettings.NONE, Optional.empty(), T0));

  @Test
  void trainingIsTheRunningStateOfAModel() {
    SynthesisModel training = pending.start("models/7", T1);

    assertThat(pending.status()).isEqualTo(ModelStatus.PENDING);
    assertThat(training.status()).isEqualTo(ModelStatus.TRAINING);
    assertThat(training.modelFolderKey()).contains("models/7");
    assertThat(training.startedAt()).contains(T1);
    assertThat(training.lifecycle()).isEqualTo(pending.lifecycle().start(T1));
  }

  @Test
  void progressIsKeptWhileTraining() {
    TrainingProgress epoch = new TrainingProgress("fit", Optional.of(1), Optional.of(2), Map.of("loss", 0.5), 1.0);

    SynthesisModel training = pending.start("models/7", T1).progressed(epoch);

    assertThat(training.progress()).contains(epoch);
    assertThat(training.lossHistory()).containsExactly(new LossPoint(1, Map.of("loss", 0.5)));
    assertThatThrownBy(() -> pending.progressed(epoch)).isInstanceOf(IllegalTransitionException.class).hasMessage("model 7 cannot go from PENDING to TRAINING");
  }

  @Test
  void completingKeepsTheSummary() {
    TrainingSummary summary = new TrainingSummary(1.5, Map.of(), java.util.List.of());

    SynthesisModel completed = pending.start("models/7", T1).complete(summary, T2);

    assertThat(completed.status()).isEqualTo(ModelStatus.COMPLETED);
    assertThat(completed.summary()).contains(summary);
    assertThat(completed.finishedAt()).contains(T2);
  }

  @Test
  void failingAndCancellingWordTheirReasons() {
    assertThat(pending.start("models/7", T1).fail("", T2).error()).contains("training failed");
    assertThat(pending.fail("no table", T2).status()).isEqualTo(ModelStatus.FAILED);
    assertThat(pending.cancel(T2).error()).contains("cancelled by the user");
    assertThat(pending.start("models/7", T1).cancel(T2).status()).isEqualTo(ModelStatus.CANCELLED);
  }

  @Test
  void aFinishedModelMovesNoMore() {
    SynthesisModel cancelled = pending.cancel(T1);

    assertThatThrownBy(() -> cancelled.start("models/7", T2)).isInstanceOf(IllegalTransitionException.class).hasMessage("model 7 cannot go from CANCELLED to TRAINING");
    assertThatThrownBy(() -> cancelled.fail("late", T2)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> pending.complete(new TrainingSummary(1, Map.of(), java.util.List.of()), T2)).isInstanceOf(IllegalTransitionException.class);
  }
}
