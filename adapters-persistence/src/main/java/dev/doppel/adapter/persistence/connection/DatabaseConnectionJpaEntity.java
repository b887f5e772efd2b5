package dev.doppel.adapter.persistence.connection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A connection never changes once added; its password is sealed by {@link PasswordCipher}. */
@Entity
@Table(name = "database_connections")
public class DatabaseConnectionJpaEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "project_id", nullable = false, updatable = false)
  private Long projectId;

  @Column(name = "name", nullable = false, updatable = false)
  private String name;

  @Column(name = "kind", nullable = false, updatable = false)
  private String kind;

  @Column(name = "host", nullable = false, updatable = false)
  private String host;

  @Column(name = "port", nullable = false, updatable = false)
  private Integer port;

  @Column(name = "database_name", nullable = false, updatable = false)
  private String databaseName;

  @Column(name = "username", nullable = false, updatable = false)
  private String username;

  @Column(name = "password_encrypted", nullable = false, updatable = false)
  private String passwordEncrypted;

  @Column(name = "created_at", nullable = false, updatable = false)
  private java.time.Instant createdAt;

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

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getDatabaseName() {
    return databaseName;
  }

  public void setDatabaseName(String databaseName) {
    this.databaseName = databaseName;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPasswordEncrypted() {
    return passwordEncrypted;
  }

  public void setPasswordEncrypted(String passwordEncrypted) {
    this.passwordEncrypted = passwordEncrypted;
  }

  public java.time.Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(java.time.Instant createdAt) {
    this.createdAt = createdAt;
  }
}
