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

/** A row of {@code database_batches}; {@code anomalies}, {@code conditions} and {@code table_rows} are written by {@link DatabaseModelJson}. */
@Entity
@Table(name = "database_batches")
public class DatabaseBatchJpaEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "database_model_id", nullable = false, updatable = false)
  private Long databaseModelId;

  @Column(name = "scale", nullable = false, updatable = false)
  private double scale;

  @Column(name = "seed", updatable = false)
  private Long seed;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "anomalies", updatable = false)
  private String anomalies;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "conditions", updatable = false)
  private String conditions;

  @Column(name = "status", nullable = false, length = 16)
  private String status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "table_rows")
  private String tableRows;

  @Column(name = "folder_key", length = 500)
  private String folderKey;

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

  public Long getDatabaseModelId() {
    return databaseModelId;
  }

  public void setDatabaseModelId(Long databaseModelId) {
    this.databaseModelId = databaseModelId;
  }

  public double getScale() {
    return scale;
  }

  public void setScale(double scale) {
    this.scale = scale;
  }

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }

  public String getAnomalies() {
    return anomalies;
  }

  public void setAnomalies(String anomalies) {
    this.anomalies = anomalies;
  }

  public String getConditions() {
    return conditions;
  }

  public void setConditions(String conditions) {
    this.conditions = conditions;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getTableRows() {
    return tableRows;
  }

  public void setTableRows(String tableRows) {
    this.tableRows = tableRows;
  }

  public String getFolderKey() {
    return folderKey;
  }

  public void setFolderKey(String folderKey) {
    this.folderKey = folderKey;
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
