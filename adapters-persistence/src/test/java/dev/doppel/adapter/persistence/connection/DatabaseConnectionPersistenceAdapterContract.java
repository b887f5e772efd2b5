package dev.doppel.adapter.persistence.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.out.ConnectionStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.DatabaseConnection;
import dev.doppel.domain.connection.DatabaseKind;
import dev.doppel.domain.connection.DatabasePassword;
import dev.doppel.domain.connection.NewDatabaseConnection;
import dev.doppel.domain.project.Project;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

abstract class DatabaseConnectionPersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2025-03-30T01:30:00.123456789Z");
  static final String PASSWORD = "s3cret-Ωmega; DROP TABLE users";

  @Autowired
  UserStore users;

  @Autowired
  ProjectStore projects;

  @Autowired
  ConnectionStore connections;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void keepsThePasswordSealedAtRestAndOpensItForTheProject() {
    Project project = Fixtures.project(projects, Fixtures.user(users), T0);
    ConnectionDetails details = new ConnectionDetails(DatabaseKind.POSTGRESQL, "db.internal", 5432, "warehouse", "reader", DatabasePassword.of(PASSWORD));

    DatabaseConnection added = connections.add(new NewDatabaseConnection(project.id(), " Warehouse ", details, T0));

    assertThat(added.name()).isEqualTo("Warehouse");
    assertThat(connections.findById(added.id()).orElseThrow().details()).isEqualTo(details);
    assertThat(connections.listByProject(project.id())).extracting(DatabaseConnection::id).containsExactly(added.id());
    String stored = jdbc.queryForObject("SELECT password_encrypted FROM database_connections WHERE id = ?", String.class, added.id().value());
    assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD).doesNotContain(Base64.getEncoder().encodeToString(PASSWORD.getBytes()));
    long again = connections.add(new NewDatabaseConnection(project.id(), "Again", details, T0)).id().value();
    assertThat(jdbc.queryForObject("SELECT password_encrypted FROM database_connections WHERE id = ?", String.class, again))
        .as("a fresh IV each time")
        .isNotEqualTo(stored);
  }

  @Test
  void aPasswordCannotBeOpenedWithAnotherKeyNorWithout() {
    PasswordCipher ours = new PasswordCipher(Base64.getEncoder().encodeToString("persistence-test-connections-key".getBytes()));
    PasswordCipher other = new PasswordCipher(Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes()));
    String sealed = ours.seal(DatabasePassword.of(PASSWORD));

    assertThat(ours.open(sealed).reveal()).isEqualTo(PASSWORD);
    assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("cannot be opened");
    assertThatThrownBy(() -> new PasswordCipher("").seal(DatabasePassword.of(PASSWORD))).hasMessageContaining("doppel.connections.secret-key");
    assertThatThrownBy(() -> new PasswordCipher("c2hvcnQ=")).hasMessageContaining("it must hold 32");
  }

  @Test
  void deletingTheProjectDeletesItsConnections() {
    Project project = Fixtures.project(projects, Fixtures.user(users), T0);
    DatabaseConnection added = connections.add(new NewDatabaseConnection(
        project.id(), "Shop", new ConnectionDetails(DatabaseKind.MARIADB, "localhost", 3306, "shop", "root", DatabasePassword.of("")), T0));

    projects.delete(project.id());

    assertThat(connections.findById(added.id())).isEmpty();
  }
}
