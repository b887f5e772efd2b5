package dev.doppel.adapter.persistence.batch;

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
 * A row of {@code synthetic_batches}. The customer's columns (file_path, row_count, generated_at)
 * describe the finished file and stay NULL until the batch completes; the anomaly columns are NULL
 * when the batch asked for none.
 */
@Entity
@Table(name = "synthetic_batches")
public class SyntheticBatchJpaEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "model_id", nullable = false, updatable = false)
  private Long modelId;

  @Column(name = "status", nullable = false, length = 16)
  private String status;

  @Column(name = "requested_rows", nullable = false, updatable = false)
  private long requestedRows;

  @Column(name = "anomaly_ratio", updatable = false)
  private Double anomalyRatio;

  @Column(name = "anomaly_label_column", length = 64, updatable = false)
  private String anomalyLabelColumn;

  @Column(name = "anomaly_kind_column", length = 64, updatable = false)
  private String anomalyKindColumn;

  /** Comma-joined; NULL for every kind that applies. */
  @Column(name = "anomaly_kinds", length = 500, updatable = false)
  private String anomalyKinds;

  @Column(name = "seed", updatable = false)
  private Long seed;

  /** The ids of the rules switched off, a JSON array; NULL when every rule was kept. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "rules_off", updatable = false)
  private String rulesOff;

  /** What the rows were given before the model filled in the rest, a JSON object; NULL for plain generation. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "conditioning", updatable = false)
  private String conditioning;

  @Column(name = "rows_done", nullable = false)
  private long rowsDone;

  /** The CSV's storage key, set when the batch completes. */
  @Column(name = "file_path", length = 500)
  private String filePath;

  /** Rows in the file. */
  @Column(name = "row_count")
  private Long rowCount;

  @Column(name = "anomaly_rows")
  private Long anomalyRows;

  @Column(name = "size_bytes")
  private Long sizeBytes;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(name = "sha256", length = 64)
  private String sha256;

  @Column(name = "error_message", length = 2000)
  private String errorMessage;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  /** When a COMPLETED batch finished; NULL for every other status. */
  @Column(name = "generated_at")
  private Instant generatedAt;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Long getModelId() {
    return modelId;
  }

  public void setModelId(Long modelId) {
    this.modelId = modelId;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public long getRequestedRows() {
    return requestedRows;
  }

  public void setRequestedRows(long requestedRows) {
    this.requestedRows = requestedRows;
  }

  public Double getAnomalyRatio() {
    return anomalyRatio;
  }

  public void setAnomalyRatio(Double anomalyRatio) {
    this.anomalyRatio = anomalyRatio;
  }

  public String getAnomalyLabelColumn() {
    return anomalyLabelColumn;
  }

  public void setAnomalyLabelColumn(String anomalyLabelColumn) {
    this.anomalyLabelColumn = anomalyLabelColumn;
  }

  public String getAnomalyKindColumn() {
    return anomalyKindColumn;
  }

  public void setAnomalyKindColumn(String anomalyKindColumn) {
    this.anomalyKindColumn = anomalyKindColumn;
  }

  public String getAnomalyKinds() {
    return anomalyKinds;
  }

  public void setAnomalyKinds(String anomalyKinds) {
    this.anomalyKinds = anomalyKinds;
  }

  public String getRulesOff() {
    return rulesOff;
  }

  public String getConditioning() {
    return conditioning;
  }

  public void setConditioning(String conditioning) {
    this.conditioning = conditioning;
  }

  public void setRulesOff(String rulesOff) {
    this.rulesOff = rulesOff;
  }

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }

  public long getRowsDone() {
    return rowsDone;
  }

  public void setRowsDone(long rowsDone) {
    this.rowsDone = rowsDone;
  }

  public String getFilePath() {
    return filePath;
  }

  public void setFilePath(String filePath) {
    this.filePath = filePath;
  }

  public Long getRowCount() {
    return rowCount;
  }

  public void setRowCount(Long rowCount) {
    this.rowCount = rowCount;
  }

  public Long getAnomalyRows() {
    return anomalyRows;
  }

  public void setAnomalyRows(Long anomalyRows) {
    this.anomalyRows = anomalyRows;
  }

  public Long getSizeBytes() {
    return sizeBytes;
  }

  public void setSizeBytes(Long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public void setSha256(String sha256) {
    this.sha256 = sha256;
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

  public Instant getGeneratedAt() {
    return generatedAt;
  }

  public void setGeneratedAt(Instant generatedAt) {
    this.generatedAt = generatedAt;
  }
}
