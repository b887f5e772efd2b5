package dev.doppel.adapter.persistence.relational;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code database_models}; the JSON columns are Strings written by {@link DatabaseModelJson}. */
@Entity
@Table(name = "database_models")
public class DatabaseModelJpaEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "project_id", nullable = false, updatable = false)
  private Long projectId;

  @Column(name = "algorithm", nullable = false, length = 64, updatable = false)
  private String algorithm;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "settings", nullable = false, updatable = false)
  private String settings;

  @Column(name = "seed", updatable = false)
  private Long seed;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "trained_tables", nullable = false, updatable = false)
  private String trainedTables;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "relationships", nullable = false, updatable = false)
  private String relationships;

  @Column(name = "status", nullable = false, length = 16)
  private String status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "progress")
  private String progress;

  @Column(name = "model_folder_key", length = 500)
  private String modelFolderKey;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "summary")
  private String summary;

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

  public Long getProjectId() {
    return projectId;
  }

  public void setProjectId(Long projectId) {
    this.projectId = projectId;
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

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }

  public String getTrainedTables() {
    return trainedTables;
  }

  public void setTrainedTables(String trainedTables) {
    this.trainedTables = trainedTables;
  }

  public String getRelationships() {
    return relationships;
  }

  public void setRelationships(String relationships) {
    this.relationships = relationships;
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

  public String getModelFolderKey() {
    return modelFolderKey;
  }

  public void setModelFolderKey(String modelFolderKey) {
    this.modelFolderKey = modelFolderKey;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
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
