package dev.doppel.domain.job;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A kind of job's status word as the API returns it and the database stores it (a model is
 * TRAINING, a batch GENERATING, an evaluation RUNNING), placed on the one {@link JobState}.
 */
public interface JobStatus {
  JobState state();

  default boolean isFinished() {
    return state().isFinished();
  }

  /** The word {@code words} uses for {@code state}; empty when that kind of job never reaches it. */
  static <S extends Enum<S> & JobStatus> Optional<S> of(Class<S> words, JobState state) {
    return Arrays.stream(words.getEnumConstants()).filter(word -> word.state() == state).findFirst();
  }

  /** The words for a job not yet finished (queued or running). */
  static <S extends Enum<S> & JobStatus> List<S> unfinished(Class<S> words) {
    return Arrays.stream(words.getEnumConstants()).filter(word -> !word.isFinished()).toList();
  }
}
