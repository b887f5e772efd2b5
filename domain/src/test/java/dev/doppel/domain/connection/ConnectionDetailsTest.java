package dev.doppel.domain.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionDetailsTest {
  private static final DatabasePassword PASSWORD = DatabasePassword.of("s3cret-Pass");

  @Test
  void printsTheServerButNeverThePassword() {
    ConnectionDetails details = new ConnectionDetails(DatabaseKind.POSTGRESQL, " db.example.org ", 5432, "sales", "reader", PASSWORD);

    assertThat(details.toString()).isEqualTo("PostgreSQL db.example.org:5432/sales as reader");
    assertThat(PASSWORD.toString()).doesNotContain("s3cret");
    assertThat(List.of(details, PASSWORD).toString()).doesNotContain("s3cret");
    assertThat(details.password().reveal()).isEqualTo("s3cret-Pass");
  }

  @Test
  void refusesWhatCannotNameAServer() {
    assertThatThrownBy(() -> new ConnectionDetails(DatabaseKind.MARIADB, "jdbc:mysql://host", 3306, "db", "u", PASSWORD))
        .hasMessage("host must be a host name or IP address, without scheme, path or spaces");
    assertThatThrownBy(() -> new ConnectionDetails(DatabaseKind.MARIADB, "host", 0, "db", "u", PASSWORD)).hasMessage("port must be between 1 and 65535");
    assertThatThrownBy(() -> new ConnectionDetails(DatabaseKind.MARIADB, "host", 3306, " ", "u", PASSWORD)).hasMessage("database must not be blank");
    assertThatThrownBy(() -> new ConnectionDetails(DatabaseKind.MARIADB, "host", 3306, "db", null, PASSWORD)).hasMessage("username must not be blank");
  }

  @Test
  void aForeignKeyPairsAsManyColumnsAsItsParentHas() {
    assertThatThrownBy(() -> new ForeignKeyDescription(List.of("yearID"), "Teams", List.of("yearID", "teamID")))
        .hasMessageContaining("needs as many child columns as parent columns");
    assertThat(new ForeignKeyDescription(List.of("yearID", "teamID"), "Teams", List.of("yearID", "teamID")).columns()).containsExactly("yearID", "teamID");
  }
}
