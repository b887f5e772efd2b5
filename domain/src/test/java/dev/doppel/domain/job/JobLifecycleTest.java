package dev.doppel.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.synthesis.ModelStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(1);
  private static final Instant T2 = T0.plusSeconds(2);

  private final JobLifecycle<ModelStatus> queued = JobLifecycle.queued("model 7", ModelStatus.class);

  @Test
  void aRequestedJobIsQueuedWithNothingElseKnown() {
    assertThat(queued).isEqualTo(new JobLifecycle<>("model 7", ModelStatus.PENDING, Optional.empty(), Optional.empty(), Optional.empty()));
  }

  @Test
  void startingAQueuedJobRunsItFromNow() {
    JobLifecycle<ModelStatus> running = queued.start(T1);

    assertThat(running.status()).isEqualTo(ModelStatus.TRAINING);
    assertThat(running.startedAt()).contains(T1);
    assertThat(running.finishedAt()).isEmpty();
    assertThat(running.error()).isEmpty();
  }

  @Test
  void aRunningJobReportsProgressWithoutChangingState() {
    JobLifecycle<ModelStatus> running = queued.start(T1);

    assertThat(running.progressed()).isEqualTo(running);
  }

  @Test
  void completingARunningJobClearsItsErrorAndStampsTheEnd() {
    JobLifecycle<ModelStatus> completed = queued.start(T1).complete(T2);

    assertThat(completed).isEqualTo(new JobLifecycle<>("model 7", ModelStatus.COMPLETED, Optional.empty(), Optional.of(T1), Optional.of(T2)));
  }

  @Test
  void failingARunningJobKeepsTheReasonAsStored() {
    JobLifecycle<ModelStatus> failed = queued.start(T1).fail("out of memory", "training failed", T2);

    assertThat(failed).isEqualTo(new JobLifecycle<>("model 7", ModelStatus.FAILED, Optional.of("out of memory"), Optional.of(T1), Optional.of(T2)));
  }

  @Test
  void failingAQueuedJobNeverStartsIt() {
    JobLifecycle<ModelStatus> failed = queued.fail(" ", "training failed", T2);

    assertThat(failed).isEqualTo(new JobLifecycle<>("model 7", ModelStatus.FAILED, Optional.of("training failed"), Optional.empty(), Optional.of(T2)));
  }

  @Test
  void aFailureReasonIsCutToTheColumn() {
    JobLifecycle<ModelStatus> failed = queued.start(T1).fail("x".repeat(FailureReason.MAX_LENGTH + 1), "training failed", T2);

    assertThat(failed.error().orElseThrow()).hasSize(FailureReason.MAX_LENGTH);
  }

  @Test
  void cancellingAQueuedOrRunningJobSaysTheUserCancelledIt() {
    assertThat(queued.cancel(T2))
        .isEqualTo(new JobLifecycle<>("model 7", ModelStatus.CANCELLED, Optional.of("cancelled by the user"), Optional.empty(), Optional.of(T2)));
    assertThat(queued.start(T1).cancel(T2))
        .isEqualTo(new JobLifecycle<>("model 7", ModelStatus.CANCELLED, Optional.of("cancelled by the user"), Optional.of(T1), Optional.of(T2)));
  }

  @Test
  void aQueuedJobCannotCompleteOrReportProgress() {
    assertThatThrownBy(() -> queued.complete(T1))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("model 7 cannot go from PENDING to COMPLETED");
    assertThatThrownBy(queued::progressed).hasMessage("model 7 cannot go from PENDING to TRAINING");
  }

  @Test
  void aRunningJobCannotStartAgain() {
    assertThatThrownBy(() -> queued.start(T1).start(T2)).hasMessage("model 7 cannot go from TRAINING to TRAINING")
        .isInstanceOf(IllegalTransitionException.class);
  }

  @ParameterizedTest
  @EnumSource(value = ModelStatus.class, names = {"COMPLETED", "FAILED", "CANCELLED"})
  void aFinishedJobMovesNoMore(ModelStatus finished) {
    JobLifecycle<ModelStatus> done = new JobLifecycle<>("model 7", finished, Optional.empty(), Optional.of(T1), Optional.of(T2));

    assertThatThrownBy(() -> done.start(T2)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(done::progressed).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> done.complete(T2)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> done.fail("late", "training failed", T2)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> done.cancel(T2)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aKindOfJobWithoutACancelledStateCannotBeCancelled() {
    JobLifecycle<EvaluationStatus> evaluation = JobLifecycle.queued("evaluation of model 7", EvaluationStatus.class);

    assertThatThrownBy(() -> evaluation.cancel(T1))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("evaluation of model 7 cannot go from PENDING to CANCELLED");
  }

  @Test
  void theMovesAreExactlyTheLifecycle() {
    Map<JobTransition, Set<JobState>> from = new EnumMap<>(JobTransition.class);
    for (JobTransition transition : JobTransition.values()) {
      from.put(transition, EnumSet.allOf(JobState.class).stream().filter(transition::allowedFrom).collect(Collectors.toSet()));
    }
    assertThat(from).containsExactlyInAnyOrderEntriesOf(Map.of(
        JobTransition.START, Set.of(JobState.QUEUED),
        JobTransition.PROGRESS, Set.of(JobState.RUNNING),
        JobTransition.COMPLETE, Set.of(JobState.RUNNING),
        JobTransition.FAIL, Set.of(JobState.QUEUED, JobState.RUNNING),
        JobTransition.CANCEL, Set.of(JobState.QUEUED, JobState.RUNNING)));
    assertThat(EnumSet.allOf(JobState.class).stream().filter(JobState::isFinished))
        .containsExactly(JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED);
  }

  @Test
  void eachKindOfJobKeepsItsOwnWords() {
    assertThat(EnumSet.allOf(ModelStatus.class).stream().map(ModelStatus::state))
        .containsExactly(JobState.QUEUED, JobState.RUNNING, JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED);
    assertThat(EnumSet.allOf(BatchStatus.class).stream().map(BatchStatus::state))
        .containsExactly(JobState.QUEUED, JobState.RUNNING, JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED);
    assertThat(EnumSet.allOf(EvaluationStatus.class).stream().map(EvaluationStatus::state))
        .containsExactly(JobState.QUEUED, JobState.RUNNING, JobState.COMPLETED, JobState.FAILED);
    assertThat(JobStatus.of(ModelStatus.class, JobState.RUNNING)).contains(ModelStatus.TRAINING);
    assertThat(JobStatus.of(BatchStatus.class, JobState.RUNNING)).contains(BatchStatus.GENERATING);
    assertThat(JobStatus.of(EvaluationStatus.class, JobState.RUNNING)).contains(EvaluationStatus.RUNNING);
    assertThat(JobStatus.of(EvaluationStatus.class, JobState.CANCELLED)).isEmpty();
    assertThat(JobStatus.unfinished(ModelStatus.class)).containsExactly(ModelStatus.PENDING, ModelStatus.TRAINING);
    assertThat(JobStatus.unfinished(BatchStatus.class)).containsExactly(BatchStatus.PENDING, BatchStatus.GENERATING);
  }
}
