package dev.doppel.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.job.IllegalTransitionException;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(1);
  private static final Instant T2 = T0.plusSeconds(2);

  private final Evaluation requested = Evaluation.requested(new ModelId(7), Optional.of("income"), T0);

  @Test
  void runningThenCompletingKeepsTheReport() {
    EvaluationReport report = new EvaluationReport(0.9, 0.8, "{}");

    Evaluation completed = requested.start(T1).complete(report, T2);

    assertThat(requested.status()).isEqualTo(EvaluationStatus.PENDING);
    assertThat(requested.start(T1).status()).isEqualTo(EvaluationStatus.RUNNING);
    assertThat(completed.status()).isEqualTo(EvaluationStatus.COMPLETED);
    assertThat(completed.report()).contains(report);
    assertThat(completed.lifecycle()).isEqualTo(requested.lifecycle().start(T1).complete(T2));
  }

  @Test
  void failingWordsItsReason() {
    assertThat(requested.start(T1).fail("", T2).error()).contains("evaluation failed");
    assertThat(requested.fail("no rows", T2).status()).isEqualTo(EvaluationStatus.FAILED);
  }

  @Test
  void aFinishedEvaluationMovesNoMore() {
    Evaluation failed = requested.fail("no rows", T1);

    assertThatThrownBy(() -> failed.start(T2)).isInstanceOf(IllegalTransitionException.class).hasMessage("evaluation of model 7 cannot go from FAILED to RUNNING");
    assertThatThrownBy(() -> requested.complete(new EvaluationReport(1, 1, "{}"), T2)).isInstanceOf(IllegalTransitionException.class);
  }
}
