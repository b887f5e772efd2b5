package dev.doppel.domain.relational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.job.IllegalTransitionException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseEvaluationTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(1);
  private static final Instant T2 = T0.plusSeconds(2);

  private final DatabaseEvaluation requested = DatabaseEvaluation.requested(new DatabaseBatchId(4), T0);

  @Test
  void runningThenCompletingKeepsTheReport() {
    DatabaseEvaluation completed = requested.start(T1).complete("{\"summary\":{}}", T2);

    assertThat(requested.status()).isEqualTo(EvaluationStatus.PENDING);
    assertThat(completed.status()).isEqualTo(EvaluationStatus.COMPLETED);
    assertThat(completed.report()).contains("{\"summary\":{}}");
    assertThat(completed.startedAt()).contains(T1);
    assertThat(completed.finishedAt()).contains(T2);
  }

  @Test
  void failingKeepsNoReportAndWordsAnEmptyReason() {
    DatabaseEvaluation failed = requested.start(T1).fail("", T2);

    assertThat(failed.status()).isEqualTo(EvaluationStatus.FAILED);
    assertThat(failed.error()).contains("evaluation failed");
    assertThat(failed.report()).isEmpty();
  }

  @Test
  void aFinishedEvaluationMovesNoMoreAndACompletedOneNeedsItsReport() {
    DatabaseEvaluation failed = requested.fail("no tables", T1);

    assertThatThrownBy(() -> failed.start(T2))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("evaluation of database batch 4 cannot go from FAILED to RUNNING");
    assertThatThrownBy(() -> requested.complete("{}", T2)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> DatabaseEvaluation.restore(new DatabaseBatchId(4), EvaluationStatus.COMPLETED, Optional.empty(), Optional.empty(), T0, Optional.of(T1), Optional.of(T2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
