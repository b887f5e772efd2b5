package dev.doppel.domain.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.job.IllegalTransitionException;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntheticBatchTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(1);
  private static final Instant T2 = T0.plusSeconds(2);

  private final SyntheticBatch pending = SyntheticBatch.pending(new BatchId(5), new NewBatch(new ModelId(7), 100, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), T0));

  @Test
  void generatingIsTheRunningStateOfABatch() {
    SyntheticBatch generating = pending.start(T1).progressed(40);

    assertThat(pending.status()).isEqualTo(BatchStatus.PENDING);
    assertThat(generating.status()).isEqualTo(BatchStatus.GENERATING);
    assertThat(generating.rowsDone()).isEqualTo(40);
    assertThat(generating.progressed(1_000).rowsDone()).isEqualTo(100);
    assertThat(generating.lifecycle()).isEqualTo(pending.lifecycle().start(T1));
  }

  @Test
  void completingKeepsTheFileAndItsRows() {
    BatchFile file = new BatchFile("batches/5.csv", 100, 0, 1234, "abc");

    SyntheticBatch completed = pending.start(T1).complete(file, T2);

    assertThat(completed.status()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(completed.file()).contains(file);
    assertThat(completed.rowsDone()).isEqualTo(100);
    assertThat(completed.finishedAt()).contains(T2);
  }

  @Test
  void failingAndCancellingWordTheirReasons() {
    assertThat(pending.start(T1).fail(null, T2).error()).contains("generation failed");
    assertThat(pending.cancel(T2).error()).contains("cancelled by the user");
    assertThat(pending.start(T1).cancel(T2).status()).isEqualTo(BatchStatus.CANCELLED);
  }

  @Test
  void aFinishedBatchMovesNoMore() {
    SyntheticBatch failed = pending.fail("no model", T1);

    assertThatThrownBy(() -> failed.cancel(T2)).isInstanceOf(IllegalTransitionException.class).hasMessage("batch 5 cannot go from FAILED to CANCELLED");
    assertThatThrownBy(() -> failed.start(T2)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> pending.progressed(1)).isInstanceOf(IllegalTransitionException.class).hasMessage("batch 5 cannot go from PENDING to GENERATING");
  }
}
