package dev.doppel.adapter.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobLeases;
import dev.doppel.application.port.out.NodeId;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.synthesis.ModelId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Whole seconds throughout: MariaDB keeps no more through the driver (see MariaDbServer). */
abstract class JobLeasePersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2025-10-26T01:15:00Z");
  static final Duration LEASE = Duration.ofSeconds(60);
  static final NodeId FIRST = new NodeId("first");
  static final NodeId SECOND = new NodeId("second");
  static final JobKey TRAINING = new JobKey.Training(new ModelId(7));

  @Autowired
  JobLeases leases;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void noLeases() {
    jdbc.update("DELETE FROM job_leases");
  }

  @Test
  void givesALeaseToOneNodeUntilItRunsOut() {
    assertThat(leases.acquire(TRAINING, FIRST, T0, T0.plus(LEASE))).isTrue();

    assertThat(leases.acquire(TRAINING, SECOND, T0.plusSeconds(59), T0.plusSeconds(59).plus(LEASE))).isFalse();
    assertThat(leases.acquire(TRAINING, FIRST, T0.plusSeconds(1), T0.plusSeconds(1).plus(LEASE))).as("not even to its holder").isFalse();
    assertThat(leases.isHeld(TRAINING, T0.plusSeconds(59))).isTrue();
    assertThat(leases.isHeld(TRAINING, T0.plusSeconds(60))).isFalse();
    assertThat(leases.acquire(TRAINING, SECOND, T0.plusSeconds(60), T0.plusSeconds(60).plus(LEASE))).isTrue();
    assertThat(leases.renew(FIRST, T0.plusSeconds(61).plus(LEASE))).isEmpty();
    assertThat(leases.renew(SECOND, T0.plusSeconds(61).plus(LEASE))).containsExactly(new JobLeases.Held(TRAINING, false));
  }

  @Test
  void renewingKeepsEveryLeaseOfTheNodeAlive() {
    List<JobKey> jobs =
        List.of(
            TRAINING, new JobKey.Generation(new BatchId(7)), new JobKey.Evaluation(new ModelId(7)), new JobKey.DatabaseTraining(new DatabaseModelId(7)),
            new JobKey.DatabaseGeneration(new DatabaseBatchId(7)), new JobKey.DatabaseEvaluation(new DatabaseBatchId(7)));
    jobs.forEach(job -> assertThat(leases.acquire(job, FIRST, T0, T0.plus(LEASE))).isTrue());
    leases.acquire(new JobKey.Training(new ModelId(8)), SECOND, T0, T0.plus(LEASE));

    List<JobLeases.Held> held = leases.renew(FIRST, T0.plusSeconds(50).plus(LEASE));

    assertThat(held).extracting(JobLeases.Held::job).containsExactlyInAnyOrderElementsOf(jobs);
    assertThat(leases.isHeld(TRAINING, T0.plusSeconds(100))).isTrue();
    assertThat(leases.isHeld(new JobKey.Training(new ModelId(8)), T0.plusSeconds(100))).isFalse();
  }

  @Test
  void aCancelRequestReachesTheHolderOfALiveLeaseOnlyAndGoesWithTheLease() {
    assertThat(leases.requestCancel(TRAINING, T0)).as("no lease").isFalse();
    leases.acquire(TRAINING, FIRST, T0, T0.plus(LEASE));

    assertThat(leases.requestCancel(TRAINING, T0.plusSeconds(1))).isTrue();

    assertThat(leases.renew(FIRST, T0.plusSeconds(2).plus(LEASE))).containsExactly(new JobLeases.Held(TRAINING, true));
    assertThat(leases.requestCancel(TRAINING, T0.plusSeconds(200))).as("ran out").isFalse();
    assertThat(leases.acquire(TRAINING, SECOND, T0.plusSeconds(200), T0.plusSeconds(200).plus(LEASE))).isTrue();
    assertThat(leases.renew(SECOND, T0.plusSeconds(201).plus(LEASE))).containsExactly(new JobLeases.Held(TRAINING, false));
  }

  @Test
  void onlyItsHolderGivesALeaseBack() {
    leases.acquire(TRAINING, FIRST, T0, T0.plus(LEASE));

    leases.release(TRAINING, SECOND);
    assertThat(leases.isHeld(TRAINING, T0)).isTrue();
    leases.release(TRAINING, FIRST);

    assertThat(leases.isHeld(TRAINING, T0)).isFalse();
    assertThat(leases.acquire(TRAINING, SECOND, T0, T0.plus(LEASE))).isTrue();
  }

  @Test
  void aNodeRunningAloneDropsTheLeasesOfEveryOtherNode() {
    JobKey generation = new JobKey.Generation(new BatchId(3));
    leases.acquire(TRAINING, FIRST, T0, T0.plus(LEASE));
    leases.acquire(generation, SECOND, T0, T0.plus(LEASE));

    leases.releaseAllBut(SECOND);

    assertThat(leases.isHeld(TRAINING, T0)).isFalse();
    assertThat(leases.isHeld(generation, T0)).isTrue();
  }

  @Test
  void dropsTheLeasesThatRanOut() {
    JobKey generation = new JobKey.Generation(new BatchId(3));
    leases.acquire(TRAINING, FIRST, T0, T0.plusSeconds(10));
    leases.acquire(generation, FIRST, T0, T0.plus(LEASE));

    leases.dropExpired(T0.plusSeconds(10));

    assertThat(jdbc.queryForList("SELECT job_key FROM job_leases", String.class)).containsExactly("generation:3");
  }
}
