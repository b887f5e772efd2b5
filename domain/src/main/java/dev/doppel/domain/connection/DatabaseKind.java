package dev.doppel.domain.connection;

/** The database servers Doppel reads from and writes to. MySQL speaks the MariaDB protocol. */
public enum DatabaseKind {
  MARIADB("MariaDB/MySQL", 3306),
  POSTGRESQL("PostgreSQL", 5432);

  private final String displayName;
  private final int defaultPort;

  DatabaseKind(String displayName, int defaultPort) {
    this.displayName = displayName;
    this.defaultPort = defaultPort;
  }

  public String displayName() {
    return displayName;
  }

  public int defaultPort() {
    return defaultPort;
  }
}
