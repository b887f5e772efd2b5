package dev.doppel.adapter.web.model;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

  public record PrivacySpent(double epsilon, double delta) {}

  /**
   * A rule the training found in the real rows and generation keeps unless switched off.
   *
   * @param id what {@code rulesOff} of a generation names
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
}
