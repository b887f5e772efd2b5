package dev.doppel.domain.relational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.job.IllegalTransitionException;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.TrainingSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseModelTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final List<TrainedTable> TABLES =
      List.of(new TrainedTable(new DatasetId(1), "People", List.of("playerID")), new TrainedTable(new DatasetId(2), "Salaries", List.of()));
  static final List<TableLink> SEQUENCE = List.of(new TableLink("People", List.of("playerID"), "Salaries", List.of("playerID"), List.of("yearID")));

  static DatabaseModel pending(List<TableLink> links) {
    return DatabaseModel.pending(
        new DatabaseModelId(7), new NewDatabaseModel(new ProjectId(3), new Algorithm("TabularARGN"), new TrainingSettings(Map.of()), Optional.of(1L), TABLES, links, T0));
  }

  @Test
  void trainsThroughTheModelWordsKeepingTheLatestTableProgressAndTheSummary() {
    DatabaseModel training = pending(SEQUENCE).start("projects/3/databases/7/model-folder", T0.plusSeconds(1));
    DatabaseModel progressed = training.progressed(new DatabaseProgress(Optional.of("Salaries"), "fit", Optional.of(2), Optional.of(5), 3.0));
    DatabaseModel completed = progressed.complete(List.of(new TableSummary("People", 10, 1.5), new TableSummary("Salaries", 30, 2.5)), T0.plusSeconds(9));

    assertThat(training.status()).isEqualTo(ModelStatus.TRAINING);
    assertThat(progressed.progress().flatMap(DatabaseProgress::table)).contains("Salaries");
    assertThat(completed.status()).isEqualTo(ModelStatus.COMPLETED);
    assertThat(completed.summary()).extracting(TableSummary::table).containsExactly("People", "Salaries");
    assertThat(completed.tables()).isEqualTo(TABLES);
    assertThat(completed.finishedAt()).contains(T0.plusSeconds(9));
    assertThat(completed.hasSequences()).isTrue();
    assertThat(pending(List.of(new TableLink("People", List.of("playerID"), "Salaries", List.of("playerID"), List.of()))).hasSequences()).isFalse();
  }

  @Test
  void refusesProgressBeforeItStartsAndACompletionWithoutItsFolder() {
    DatabaseModel queued = pending(SEQUENCE);

    assertThatThrownBy(() -> queued.progressed(new DatabaseProgress(Optional.empty(), "fit", Optional.empty(), Optional.empty(), 0)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(queued.cancel(T0).error()).contains("cancelled by the user");
    assertThatThrownBy(() -> DatabaseModel.restore(
        queued.id(), queued.projectId(), queued.algorithm(), queued.settings(), queued.seed(), TABLES, SEQUENCE, ModelStatus.COMPLETED, Optional.empty(),
        Optional.empty(), List.of(), Optional.empty(), T0, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBatchKeepsItsRowsPerTableAndFolderOnlyWhenCompleted() {
    DatabaseBatch queued = DatabaseBatch.pending(new DatabaseBatchId(4), new NewDatabaseBatch(new DatabaseModelId(7), 0.5, Optional.empty(), Map.of(), Map.of(), T0));
    DatabaseBatch generating = queued.start(T0.plusSeconds(1));
    DatabaseBatch completed = generating.complete("projects/3/databases/7/batches/4", List.of(new TableRows("People", 5, 0)), T0.plusSeconds(2));

    assertThat(queued.status()).isEqualTo(BatchStatus.PENDING);
    assertThat(generating.status()).isEqualTo(BatchStatus.GENERATING);
    assertThat(completed.tableRows()).containsExactly(new TableRows("People", 5, 0));
    assertThat(completed.folderKey()).contains("projects/3/databases/7/batches/4");
    assertThat(generating.fail("boom", T0.plusSeconds(3)).folderKey()).isEmpty();
    assertThatThrownBy(() -> completed.cancel(T0)).isInstanceOf(IllegalTransitionException.class);
  }
}
