package dev.doppel.adapter.persistence.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.BatchFile;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.batch.NewBatch;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

abstract class BatchPersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2025-10-26T01:15:00.000001Z");
  static final Instant T1 = T0.plusSeconds(60).plusNanos(123_456_789);
  static final Instant T2 = T0.plusSeconds(3600).plusNanos(987_654_321);
  static final BatchFile FILE = new BatchFile("batches/17/rows.csv", 1000, 50, 987_654_321_000L, Fixtures.SHA256);

  @Autowired
  UserStore users;

  @Autowired
  ProjectStore projects;

  @Autowired
  DatasetStore datasets;

  @Autowired
  ModelStore models;

  @Autowired
  BatchStore batches;

  @Autowired
  protected JdbcTemplate jdbc;

  SynthesisModel model;

  @BeforeEach
  void createTrainedModel() {
    SynthesisModel pending = Fixtures.model(models, Fixtures.dataset(users, projects, datasets, T0), T0);
    model = models.claim(pending.id(), "models/m.pkl", T0).orElseThrow();
  }

  @Test
  void storesPendingBatchWithAnomaliesLabelledByBothColumns() {
    NewBatch request = new NewBatch(model.id(), 1_000_000_000_000L, Optional.of(Fixtures.anomalies()), Optional.of(-3L),
        List.of("linear:total", "dependency:state"), Optional.empty(), T0.plusNanos(999));

    SyntheticBatch added = batches.add(request);

    assertThat(added.id().value()).isPositive();
    assertThat(added).isEqualTo(SyntheticBatch.pending(added.id(), new NewBatch(model.id(), request.requestedRows(),
        request.anomalies(), request.seed(), request.rulesOff(), request.conditioning(), T0)));
    assertThat(batches.findById(added.id())).contains(asStored(added));
    assertThat(column("anomaly_kinds", added)).isEqualTo("out_of_range,unexpected_null");
    assertThat(batches.findById(added.id()).orElseThrow().rulesOff()).containsExactly("linear:total", "dependency:state");
    assertThat(column("file_path", added)).isNull();
    assertThat(column("generated_at", added)).isNull();
  }

  @Test
  void storesEachKindOfConditioningAndReadsItBackInItsOrder() {
    Map<String, Double> shares = new LinkedHashMap<>();
    shares.put("z-rare", 0.5);
    shares.put("a-common", 0.5);
    List<Conditioning> kinds =
        List.of(
            new Conditioning.FixedValues(Map.of("class", ">50K", "age", "40")),
            new Conditioning.GivenRows(List.of(Map.of("class", ">50K"), Map.of("sex", "Female", "age", "31"))),
            new Conditioning.Shares("class", shares),
            new Conditioning.Imputation("projects/1/datasets/2/models/3/impute-4.csv"));
    for (Conditioning conditioning : kinds) {
      SyntheticBatch added = batches.add(new NewBatch(model.id(), 2, Optional.empty(), Optional.empty(), List.of(), Optional.of(conditioning), T0));

      SyntheticBatch read = batches.findById(added.id()).orElseThrow();

      assertThat(read.conditioning()).contains(conditioning);
      assertThat(jdbc.queryForObject("SELECT CAST(conditioning AS VARCHAR(4000)) FROM synthetic_batches WHERE id = ?", String.class, added.id().value()))
          .as("stored as a JSON object keyed by the kind").startsWith("{\"" + conditioning.kind() + "\":");
    }
    Conditioning.Shares read = (Conditioning.Shares) batches.listByModel(model.id()).stream()
        .flatMap(b -> b.conditioning().stream()).filter(Conditioning.Shares.class::isInstance).findFirst().orElseThrow();
    assertThat(read.shares().keySet()).containsExactly("z-rare", "a-common");
  }

  @Test
  void storesAnomaliesWithoutLabelColumnsForEveryKind() {
    AnomalySpec bare = new AnomalySpec(0.5, Optional.empty(), Optional.empty(), List.of());
    SyntheticBatch added = batches.add(new NewBatch(model.id(), 10, Optional.of(bare), Optional.empty(), List.of(), Optional.empty(), T0));

    SyntheticBatch read = batches.findById(added.id()).orElseThrow();

    assertThat(read).isEqualTo(asStored(added));
    assertThat(read.anomalies()).contains(bare);
    assertThat(column("anomaly_kinds", added)).isNull();
  }

  @Test
  void storesBatchWithoutAnomaliesOrSeed() {
    SyntheticBatch added = batches.add(new NewBatch(model.id(), 1, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), T0));

    SyntheticBatch read = batches.findById(added.id()).orElseThrow();

    assertThat(read).isEqualTo(asStored(added));
    assertThat(read.rulesOff()).isEmpty();
    assertThat(column("rules_off", added)).isNull();
    assertThat(read.anomalies()).isEmpty();
    assertThat(read.seed()).isEmpty();
    assertThat(column("anomaly_ratio", added)).isNull();
  }

  @Test
  void findsNothingForUnknownId() {
    assertThat(batches.findById(new BatchId(Long.MAX_VALUE))).isEmpty();
  }

  @Test
  void persistsAGenerationFromClaimThroughProgressToItsFile() {
    SyntheticBatch pending = Fixtures.batch(batches, model, T0);

    SyntheticBatch generating = batches.claim(pending.id(), T1).orElseThrow();
    assertThat(generating).isEqualTo(asStored(pending.start(T1)));

    SyntheticBatch halfway = batches.update(generating.progressed(500));
    assertThat(batches.findById(pending.id())).contains(halfway);
    assertThat(halfway.rowsDone()).isEqualTo(500);

    SyntheticBatch completed = halfway.complete(FILE, T2);
    batches.update(completed);

    SyntheticBatch read = batches.findById(pending.id()).orElseThrow();
    assertThat(read).isEqualTo(asStored(completed));
    assertThat(read.file()).contains(FILE);
    Map<String, Object> row = jdbc.queryForMap("SELECT file_path, row_count, generated_at, finished_at FROM synthetic_batches"
        + " WHERE id = ?", pending.id().value());
    assertThat(row.get("file_path")).isEqualTo("batches/17/rows.csv");
    assertThat(((Number) row.get("row_count")).longValue()).isEqualTo(1000L);
    assertThat(row.get("generated_at")).isNotNull().isEqualTo(row.get("finished_at"));
  }

  @Test
  void persistsFailureAndCancellationWithoutAFile() {
    SyntheticBatch generating = batches.claim(Fixtures.batch(batches, model, T0).id(), T1).orElseThrow();
    SyntheticBatch pending = Fixtures.batch(batches, model, T0);

    SyntheticBatch failed = batches.update(generating.progressed(10).fail("disk full", T2));
    SyntheticBatch cancelled = batches.update(pending.cancel(T2));

    assertThat(batches.findById(generating.id())).contains(asStored(failed));
    assertThat(batches.findById(generating.id()).orElseThrow().rowsDone()).isEqualTo(10);
    assertThat(batches.findById(pending.id())).contains(asStored(cancelled));
    assertThat(batches.findById(pending.id()).orElseThrow().error()).contains("cancelled by the user");
    assertThat(column("generated_at", failed)).isNull();
    assertThat(column("file_path", cancelled)).isNull();
  }

  @Test
  void claimsABatchOnlyOnce() {
    SyntheticBatch pending = Fixtures.batch(batches, model, T0);

    assertThat(batches.claim(pending.id(), T1)).isPresent();
    assertThat(batches.claim(pending.id(), T2)).isEmpty();
    assertThat(batches.claim(new BatchId(Long.MAX_VALUE), T2)).isEmpty();
    assertThat(batches.findById(pending.id()).orElseThrow().startedAt()).contains(asStored(T1));
  }

  @Test
  void letsExactlyOneOfTwoConcurrentWorkersClaimABatch() throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        BatchId id = Fixtures.batch(batches, model, T0).id();
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Optional<SyntheticBatch>>> claims = new ArrayList<>();
        for (int worker = 0; worker < 2; worker++) {
          claims.add(workers.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return batches.claim(id, T1);
          }));
        }
        long winners = 0;
        for (Future<Optional<SyntheticBatch>> claim : claims) {
          winners += claim.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }
        assertThat(winners).as("round %d", round).isOne();
      }
    } finally {
      workers.shutdownNow();
    }
  }

  @Test
  void listsAModelsBatchesNewestFirst() {
    SyntheticBatch oldest = Fixtures.batch(batches, model, T0);
    SyntheticBatch newest = Fixtures.batch(batches, model, T2);
    SyntheticBatch middle = Fixtures.batch(batches, model, T1);
    SyntheticBatch tiedWithMiddle = Fixtures.batch(batches, model, T1);
    SynthesisModel other = Fixtures.model(models, Fixtures.dataset(users, projects, datasets, T0), T0);
    Fixtures.batch(batches, other, T2);

    assertThat(batches.listByModel(model.id()))
        .containsExactly(asStored(newest), asStored(tiedWithMiddle), asStored(middle), asStored(oldest));
  }

  @Test
  void listsBatchesOfAStatusOldestFirst() {
    SyntheticBatch first = Fixtures.batch(batches, model, T2);
    SyntheticBatch second = Fixtures.batch(batches, model, T0);
    SyntheticBatch generating = batches.claim(Fixtures.batch(batches, model, T0).id(), T1).orElseThrow();
    List<BatchId> ours = List.of(first.id(), second.id(), generating.id());

    assertThat(batches.listByStatus(BatchStatus.PENDING)).filteredOn(b -> ours.contains(b.id()))
        .containsExactly(asStored(first), asStored(second));
    assertThat(batches.listByStatus(BatchStatus.GENERATING)).filteredOn(b -> ours.contains(b.id())).containsExactly(generating);
  }

  @Test
  void cancelsABatchOnlyWhileItIsPendingSoNoWorkerCanClaimIt() {
    SyntheticBatch pending = Fixtures.batch(batches, model, T0);
    SyntheticBatch generating = batches.claim(Fixtures.batch(batches, model, T0).id(), T1).orElseThrow();

    SyntheticBatch cancelled = batches.cancelIfPending(pending.id(), T2).orElseThrow();

    assertThat(cancelled).isEqualTo(asStored(pending.cancel(T2)));
    assertThat(batches.claim(pending.id(), T2)).isEmpty();
    assertThat(batches.cancelIfPending(generating.id(), T2)).isEmpty();
    assertThat(batches.findById(generating.id()).orElseThrow().status()).isEqualTo(BatchStatus.GENERATING);
    assertThat(batches.cancelIfPending(new BatchId(Long.MAX_VALUE), T2)).isEmpty();
  }

  @Test
  void deletesOneBatch() {
    SyntheticBatch gone = Fixtures.batch(batches, model, T0);
    SyntheticBatch kept = Fixtures.batch(batches, model, T0);

    batches.delete(gone.id());
    batches.delete(new BatchId(Long.MAX_VALUE));

    assertThat(batches.findById(gone.id())).isEmpty();
    assertThat(batches.listByModel(model.id())).containsExactly(asStored(kept));
  }

  private Object column(String name, SyntheticBatch batch) {
    return jdbc.queryForObject("SELECT " + name + " FROM synthetic_batches WHERE id = ?", Object.class, batch.id().value());
  }

  SyntheticBatch asStored(SyntheticBatch batch) {
    return new SyntheticBatch(batch.id(), batch.modelId(), batch.status(), batch.requestedRows(), batch.anomalies(), batch.seed(),
        batch.rulesOff(), batch.conditioning(), batch.rowsDone(), batch.file(), batch.error(), asStored(batch.createdAt()), batch.startedAt().map(this::asStored),
        batch.finishedAt().map(this::asStored));
  }
}
