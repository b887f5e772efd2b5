package dev.doppel.adapter.persistence.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code model_evaluations}; the scores and report are NULL until the evaluation completes. */
@Entity
@Table(name = "model_evaluations")
public class EvaluationJpaEntity {
  /** The model's id: a model has at most one evaluation, replaced when re-run. */
  @Id
  @Column(name = "model_id", nullable = false, updatable = false)
  private Long modelId;

  /** The column the utility test predicts; NULL lets the engine choose. */
  @Column(name = "target", length = 4000)
  private String target;

  @Column(name = "status", nullable = false, length = 16)
  private String status;

  @Column(name = "quality_score")
  private Double qualityScore;

  @Column(name = "privacy_score")
  private Double privacyScore;

  /** The engine's report document, as it gave it; bound as JSON like {@code datasets.metadata}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "report")
  private String report;

  @Column(name = "error_message", length = 2000)
  private String errorMessage;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  public Long getModelId() {
    return modelId;
  }

  public void setModelId(Long modelId) {
    this.modelId = modelId;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public Double getQualityScore() {
    return qualityScore;
  }

  public void setQualityScore(Double qualityScore) {
    this.qualityScore = qualityScore;
  }

  public Double getPrivacyScore() {
    return privacyScore;
  }

  public void setPrivacyScore(Double privacyScore) {
    this.privacyScore = privacyScore;
  }

  public String getReport() {
    return report;
  }

  public void setReport(String report) {
    this.report = report;
  }

  public String getErrorMessage() {
    return errorMessage;
  }

  public void setErrorMessage(String errorMessage) {
    this.errorMessage = errorMessage;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public void setRequestedAt(Instant requestedAt) {
    this.requestedAt = requestedAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(Instant startedAt) {
    this.startedAt = startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(Instant finishedAt) {
    this.finishedAt = finishedAt;
  }
}
