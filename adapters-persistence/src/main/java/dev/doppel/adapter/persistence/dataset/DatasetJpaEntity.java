package dev.doppel.adapter.persistence.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "datasets")
public class DatasetJpaEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "project_id", nullable = false, updatable = false)
  private Long projectId;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Column(name = "file_path", nullable = false, length = 500, updatable = false)
  private String filePath;

  /**
   * The profile as JSON text. The JSON JDBC type makes each dialect bind it as a JSON document
   * (H2 would otherwise store a String as one quoted JSON string); a String keeps the exact text
   * under this adapter's own {@link dev.doppel.adapter.persistence.StoredJson}, not Hibernate's.
   */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "metadata", nullable = false)
  private String metadata;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Column(name = "file_format", nullable = false, length = 16, updatable = false)
  private String fileFormat;

  @Column(name = "delimiter_char", length = 1, updatable = false)
  private String delimiterChar;

  @Column(name = "encoding", length = 20, updatable = false)
  private String encoding;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(name = "sha256", nullable = false, length = 64, updatable = false)
  private String sha256;

  @Column(name = "row_count", nullable = false)
  private long rowCount;

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

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getFilePath() {
    return filePath;
  }

  public void setFilePath(String filePath) {
    this.filePath = filePath;
  }

  public String getMetadata() {
    return metadata;
  }

  public void setMetadata(String metadata) {
    this.metadata = metadata;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public void setUploadedAt(Instant uploadedAt) {
    this.uploadedAt = uploadedAt;
  }

  public String getFileFormat() {
    return fileFormat;
  }

  public void setFileFormat(String fileFormat) {
    this.fileFormat = fileFormat;
  }

  public String getDelimiterChar() {
    return delimiterChar;
  }

  public void setDelimiterChar(String delimiterChar) {
    this.delimiterChar = delimiterChar;
  }

  public String getEncoding() {
    return encoding;
  }

  public void setEncoding(String encoding) {
    this.encoding = encoding;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public void setSizeBytes(long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public void setSha256(String sha256) {
    this.sha256 = sha256;
  }

  public long getRowCount() {
    return rowCount;
  }

  public void setRowCount(long rowCount) {
    this.rowCount = rowCount;
  }
}
