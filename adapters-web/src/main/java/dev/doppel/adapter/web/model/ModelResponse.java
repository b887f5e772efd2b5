package dev.doppel.adapter.web.model;

import dev.doppel.application.port.in.ModelView;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.synthesis.SynthesisModel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * @param settings the hyper-parameters under the names the engine's catalogue gives them (GET /api/algorithms); open, as each
 *     algorithm has its own
 * @param differentialPrivacy the privacy settings under the catalogue's names, absent when the training was not private
 */
public record ModelResponse(
    long id,
    long datasetId,
    String algorithm,
    Map<String, Object> settings,
    Map<String, Object> differentialPrivacy,
    Long seed,
    String status,
    Integer queuePosition,
    Progress progress,
    List<LossPoint> lossHistory,
    Summary summary,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String error,
    EvaluationState evaluation,
    List<Rule> rules,
    @Schema(description = "how the model learns each column, for algorithms that choose per column from the table's profile; empty for the others and until training completes")
        List<Encoding> encodings) {

  public record Progress(String stage, Integer epoch, Integer epochs, Double fraction, Map<String, Double> metrics, double elapsedSeconds) {}

  public record LossPoint(int epoch, Map<String, Double> metrics) {}

  /** @param privacySpent the (ε, δ) a differentially private training actually spent */
  public record Summary(double fitSeconds, Map<String, Double> finalMetrics, List<String> warnings, PrivacySpent privacySpent) {}

  public record PrivacySpent(double epsilon, double delta) {
    static PrivacySpent from(dev.doppel.domain.synthesis.PrivacySpent spent) {
      return new PrivacySpent(spent.epsilon(), spent.delta());
    }
  }

  /**
   * A rule the training found in the real rows and generation keeps unless switched off.
   *
   * @param id what {@code rulesOff} of a batch request names
   * @param columns the columns it involves, the one it determines first
   * @param realShare the share of training rows that keep it
   */
  public record Rule(String id, String kind, List<String> columns, String text, double realShare) {}

  /**
   * How the model learns one column.
   *
   * @param encoding the engine's name for it, e.g. TABULAR_NUMERIC_DIGIT
   * @param reason why it was chosen, in plain words
   */
  public record Encoding(String column, String encoding, String reason) {}

  public record EvaluationState(String status, Double qualityScore, Double privacyScore, String error) {}

  static ModelResponse from(ModelView view) {
    SynthesisModel m = view.model();
    return new ModelResponse(
        m.id().value(),
        m.datasetId().value(),
        m.algorithm().name(),
        m.settings().values(),
        m.differentialPrivacy().map(dp -> dp.values()).orElse(null),
        m.seed().orElse(null),
        m.status().name(),
        view.queuePosition().orElse(null),
        m.progress()
            .map(p -> new Progress(p.stage(), p.epoch().orElse(null), p.epochs().orElse(null), p.fraction().orElse(null), p.metrics(), p.elapsedSeconds()))
            .orElse(null),
        m.lossHistory().stream().map(p -> new LossPoint(p.epoch(), p.metrics())).toList(),
        m.summary()
            .map(s -> new Summary(
                s.fitSeconds(), s.finalMetrics(), s.warnings(), s.privacySpent().map(PrivacySpent::from).orElse(null)))
            .orElse(null),
        m.createdAt(),
        m.startedAt().orElse(null),
        m.finishedAt().orElse(null),
        m.error().orElse(null),
        view.evaluation().map(ModelResponse::evaluation).orElse(new EvaluationState("NONE", null, null, null)),
        m.rules().stream().map(r -> new Rule(r.id(), r.kind(), r.columns(), r.text(), r.realShare())).toList(),
        m.encodings().stream().map(e -> new Encoding(e.column(), e.encoding(), e.reason())).toList());
  }

  private static EvaluationState evaluation(Evaluation e) {
    return new EvaluationState(
        e.status().name(), e.report().map(r -> r.qualityScore()).orElse(null), e.report().map(r -> r.privacyScore()).orElse(null), e.error().orElse(null));
  }
}
