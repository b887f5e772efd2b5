package dev.doppel.adapter.persistence.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code models}. The JSON columns are Strings written by {@link ModelJson}; the JSON
 * JDBC type makes each dialect bind them as JSON documents (see {@code DatasetJpaEntity}).
 */
@Entity
@Table(name = "models")
public class ModelJpaEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dataset_id", nullable = false, updatable = false)
  private Long datasetId;

  @Column(name = "algorithm", nullable = false, length = 64, updatable = false)
  private String algorithm;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "settings", nullable = false, updatable = false)
  private String settings;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "differential_privacy", updatable = false)
  private String differentialPrivacy;

  @Column(name = "seed", updatable = false)
  private Long seed;

  @Column(name = "status", nullable = false, length = 16)
  private String status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "progress")
  private String progress;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "loss_history")
  private String lossHistory;

  /** The model folder's key, set when a worker claims the model. */
  @Column(name = "model_file_path", length = 500)
  private String modelFolderKey;

  /** The TrainingSummary, set when training completes. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "training_metrics")
  private String trainingMetrics;

  @Column(name = "error_message", length = 2000)
  private String errorMessage;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Long getDatasetId() {
    return datasetId;
  }

  public void setDatasetId(Long datasetId) {
    this.datasetId = datasetId;
  }

  public String getAlgorithm() {
    return algorithm;
  }

  public void setAlgorithm(String algorithm) {
    this.algorithm = algorithm;
  }

  public String getSettings() {
    return settings;
  }

  public void setSettings(String settings) {
    this.settings = settings;
  }

  public String getDifferentialPrivacy() {
    return differentialPrivacy;
  }

  public void setDifferentialPrivacy(String differentialPrivacy) {
    this.differentialPrivacy = differentialPrivacy;
  }

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getProgress() {
    return progress;
  }

  public void setProgress(String progress) {
    this.progress = progress;
  }

  public String getLossHistory() {
    return lossHistory;
  }

  public void setLossHistory(String lossHistory) {
    this.lossHistory = lossHistory;
  }

  public String getModelFolderKey() {
    return modelFolderKey;
  }

  public void setModelFolderKey(String modelFolderKey) {
    this.modelFolderKey = modelFolderKey;
  }

  public String getTrainingMetrics() {
    return trainingMetrics;
  }

  public void setTrainingMetrics(String trainingMetrics) {
    this.trainingMetrics = trainingMetrics;
  }

  public String getErrorMessage() {
    return errorMessage;
  }

  public void setErrorMessage(String errorMessage) {
    this.errorMessage = errorMessage;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
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
