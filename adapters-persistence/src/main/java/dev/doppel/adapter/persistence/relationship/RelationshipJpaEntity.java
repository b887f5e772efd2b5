package dev.doppel.adapter.persistence.relationship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A relationship never changes once declared; the foreign keys (with their cascades) live in the schema. */
@Entity
@Table(name = "relationships")
public class RelationshipJpaEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "project_id", nullable = false, updatable = false)
  private Long projectId;

  @Column(name = "parent_dataset_id", nullable = false, updatable = false)
  private Long parentDatasetId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "parent_columns", nullable = false, updatable = false)
  private String parentColumns;

  @Column(name = "child_dataset_id", nullable = false, updatable = false)
  private Long childDatasetId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "child_columns", nullable = false, updatable = false)
  private String childColumns;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "order_by", nullable = false, updatable = false)
  private String orderBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

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

  public Long getParentDatasetId() {
    return parentDatasetId;
  }

  public void setParentDatasetId(Long parentDatasetId) {
    this.parentDatasetId = parentDatasetId;
  }

  public String getParentColumns() {
    return parentColumns;
  }

  public void setParentColumns(String parentColumns) {
    this.parentColumns = parentColumns;
  }

  public Long getChildDatasetId() {
    return childDatasetId;
  }

  public void setChildDatasetId(Long childDatasetId) {
    this.childDatasetId = childDatasetId;
  }

  public String getChildColumns() {
    return childColumns;
  }

  public void setChildColumns(String childColumns) {
    this.childColumns = childColumns;
  }

  public String getOrderBy() {
    return orderBy;
  }

  public void setOrderBy(String orderBy) {
    this.orderBy = orderBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }
}
