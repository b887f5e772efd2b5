package dev.doppel.adapter.persistence.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.evaluation.EvaluationStatus;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

abstract class EvaluationPersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2025-10-26T01:15:00.000001Z");
  static final Instant T1 = T0.plusSeconds(60).plusNanos(123_456_789);
  static final Instant T2 = T0.plusSeconds(3600).plusNanos(987_654_321);
  static final String SMALL_REPORT = "{\"columns\":[{\"name\":\"Zürich 東京\",\"score\":0.9}],\"warnings\":[]}";

  @Autowired
  UserStore users;

  @Autowired
  ProjectStore projects;

  @Autowired
  DatasetStore datasets;

  @Autowired
  ModelStore models;

  @Autowired
  EvaluationStore evaluations;

  @Autowired
  protected JdbcTemplate jdbc;

  SynthesisModel model;

  @BeforeEach
  void createModel() {
    model = Fixtures.model(models, Fixtures.dataset(users, projects, datasets, T0), T0);
  }

  @Test
  void claimsARequestedEvaluationOnceKeepingItsTarget() {
    evaluations.save(Evaluation.requested(model.id(), Optional.of("body_mass_g"), T0));

    Evaluation claimed = evaluations.claim(model.id(), T1).orElseThrow();

    assertThat(evaluations.claim(model.id(), T2)).isEmpty();
    assertThat(claimed.status()).isEqualTo(EvaluationStatus.RUNNING);
    assertThat(claimed.startedAt()).contains(asStored(T1));
    assertThat(claimed.target()).contains("body_mass_g");
    assertThat(evaluations.find(model.id())).contains(claimed);
  }

  @Test
  void claimsNoEvaluationThatIsNotWaiting() {
    evaluations.save(Evaluation.requested(model.id(), T0).start(T1).fail("the engine crashed", T2));

    assertThat(evaluations.claim(model.id(), T2)).isEmpty();
    assertThat(evaluations.claim(new ModelId(model.id().value() + 1_000), T2)).isEmpty();
    assertThat(evaluations.find(model.id()).orElseThrow().status()).isEqualTo(EvaluationStatus.FAILED);
  }

  @Test
  void storesARequestedEvaluation() {
    Evaluation requested = Evaluation.requested(model.id(), T0.plusNanos(999));

    Evaluation saved = evaluations.save(requested);

    assertThat(saved).isEqualTo(Evaluation.requested(model.id(), T0));
    assertThat(evaluations.find(model.id())).contains(asStored(saved));
  }

  @Test
  void keepsTheUtilityTargetAskedForUntilARerunWithout() {
    Evaluation targeted = evaluations.save(Evaluation.requested(model.id(), Optional.of("body_mass_g"), T0));
    Evaluation running = evaluations.save(targeted.start(T1));

    assertThat(evaluations.find(model.id()).orElseThrow().target()).contains("body_mass_g");
    assertThat(evaluations.find(model.id())).contains(asStored(running));

    evaluations.save(Evaluation.requested(model.id(), T2));

    assertThat(evaluations.find(model.id()).orElseThrow().target()).isEmpty();
  }

  @Test
  void replacesTheEvaluationThroughItsLifeKeepingOneRow() {
    Evaluation requested = evaluations.save(Evaluation.requested(model.id(), T0));
    Evaluation running = evaluations.save(requested.start(T1));
    assertThat(evaluations.find(model.id())).contains(asStored(running));

    Evaluation completed = running.complete(new EvaluationReport(0.875, 0.5, SMALL_REPORT), T2);
    evaluations.save(completed);

    assertThat(evaluations.find(model.id())).contains(asStored(completed));
    assertThat(rows()).isOne();

    Evaluation rerun = evaluations.save(Evaluation.requested(model.id(), T2));

    assertThat(evaluations.find(model.id())).contains(asStored(rerun));
    assertThat(evaluations.find(model.id()).orElseThrow().report()).isEmpty();
    assertThat(jdbc.queryForObject("SELECT quality_score FROM model_evaluations WHERE model_id = ?", Double.class,
        model.id().value())).isNull();
    assertThat(rows()).isOne();
  }

  @Test
  void storesAFailureWithItsReasonAndNoReport() {
    Evaluation failed = Evaluation.requested(model.id(), T0).start(T1).fail("the model file is missing", T2);

    evaluations.save(failed);

    assertThat(evaluations.find(model.id())).contains(asStored(failed));
  }

  @Test
  void keepsScoresOfZeroAndOne() {
    Evaluation completed = Evaluation.requested(model.id(), T0).start(T1).complete(new EvaluationReport(0, 1, "{}"), T2);

    evaluations.save(completed);

    assertThat(evaluations.find(model.id())).contains(asStored(completed));
  }

  @Test
  void roundTripsAReportDocumentOfSeveralHundredKilobytes() throws Exception {
    String document = largeReport();
    assertThat(document.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(300_000);
    Evaluation completed = Evaluation.requested(model.id(), T0).start(T1).complete(new EvaluationReport(0.8125, 0.25, document), T2);

    evaluations.save(completed);

    Evaluation read = evaluations.find(model.id()).orElseThrow();
    EvaluationReport report = read.report().orElseThrow();
    assertThat(report.qualityScore()).isEqualTo(0.8125);
    assertThat(report.privacyScore()).isEqualTo(0.25);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(report.document())).isEqualTo(json.readTree(document));
    assertThat(read.status()).isEqualTo(EvaluationStatus.COMPLETED);
    assertThat(read.finishedAt()).contains(asStored(T2));
  }

  @Test
  void findsNothingForAModelNeverEvaluated() {
    assertThat(evaluations.find(model.id())).isEmpty();
  }

  @Test
  void refusesAnEvaluationOfAMissingModel() {
    assertThatThrownBy(() -> evaluations.save(Evaluation.requested(new ModelId(Long.MAX_VALUE), T0)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void listsEvaluationsOfAStatusOldestRequestFirst() {
    SynthesisModel second = Fixtures.model(models, Fixtures.dataset(users, projects, datasets, T0), T0);
    SynthesisModel running = Fixtures.model(models, Fixtures.dataset(users, projects, datasets, T0), T0);
    Evaluation newer = evaluations.save(Evaluation.requested(model.id(), T2));
    Evaluation older = evaluations.save(Evaluation.requested(second.id(), T1));
    Evaluation started = evaluations.save(Evaluation.requested(running.id(), T0).start(T1));
    List<ModelId> ours = List.of(model.id(), second.id(), running.id());

    assertThat(evaluations.listByStatus(EvaluationStatus.PENDING)).filteredOn(e -> ours.contains(e.modelId()))
        .containsExactly(asStored(older), asStored(newer));
    assertThat(evaluations.listByStatus(EvaluationStatus.RUNNING)).filteredOn(e -> ours.contains(e.modelId()))
        .containsExactly(asStored(started));
  }

  /** Per-column scores with chart data, and pair scores, as an engine reports a wide table. */
  static String largeReport() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode columns = root.putArray("columns");
    for (int c = 0; c < 200; c++) {
      ObjectNode column = columns.addObject().put("name", "column_" + c + " ü").put("score", c / 200.0).put("metric", "KSComplement");
      ArrayNode real = column.putArray("real");
      ArrayNode synthetic = column.putArray("synthetic");
      for (int bin = 0; bin < 40; bin++) {
        real.add(Math.sin(c + bin) * 1000.123);
        synthetic.add(bin * 1.0e-5);
      }
    }
    ArrayNode pairs = root.putArray("pairs");
    for (int a = 0; a < 70; a++) {
      for (int b = a + 1; b < 70; b++) {
        pairs.addObject().put("a", "column_" + a).put("b", "column_" + b).put("score", (a * b % 97) / 97.0);
      }
    }
    root.putObject("privacy").put("dcr_median", 0.4375).putNull("note");
    return json.writeValueAsString(root);
  }

  private long rows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM model_evaluations WHERE model_id = ?", Long.class, model.id().value());
  }

  Evaluation asStored(Evaluation evaluation) {
    return new Evaluation(evaluation.modelId(), evaluation.target(), evaluation.status(), evaluation.report(), evaluation.error(),
        asStored(evaluation.requestedAt()), evaluation.startedAt().map(this::asStored), evaluation.finishedAt().map(this::asStored));
  }
}
