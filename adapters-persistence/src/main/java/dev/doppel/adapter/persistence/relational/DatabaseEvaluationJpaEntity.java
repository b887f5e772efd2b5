package dev.doppel.adapter.persistence.relational;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code database_evaluations}; the report is NULL until the evaluation completes. */
@Entity
@Table(name = "database_evaluations")
public class DatabaseEvaluationJpaEntity {
  /** The batch's id: a batch has at most one evaluation, replaced when run again. */
  @Id
  @Column(name = "database_batch_id", nullable = false, updatable = false)
  private Long databaseBatchId;

  @Column(name = "status", nullable = false, length = 16)
  private String status;

  /** The engine's report document, as it gave it. */
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

  public Long getDatabaseBatchId() {
    return databaseBatchId;
  }

  public void setDatabaseBatchId(Long databaseBatchId) {
    this.databaseBatchId = databaseBatchId;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
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
