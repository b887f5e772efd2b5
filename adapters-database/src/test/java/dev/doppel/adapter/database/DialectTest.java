package dev.doppel.adapter.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.connection.ConnectionDetails;
import dev.doppel.domain.connection.DatabaseKind;
import dev.doppel.domain.connection.DatabasePassword;
import dev.doppel.domain.dataset.ColumnType;
import org.junit.jupiter.api.Test;

class DialectTest {
  private static final Dialect MARIADB = Dialect.of(DatabaseKind.MARIADB);
  private static final Dialect POSTGRESQL = Dialect.of(DatabaseKind.POSTGRESQL);

  @Test
  void quotesIdentifiersDoublingTheQuoteInside() {
    assertThat(MARIADB.qualified("sales", "odd`name")).isEqualTo("`sales`.`odd``name`");
    assertThat(POSTGRESQL.qualified("public", "odd\"name")).isEqualTo("\"public\".\"odd\"\"name\"");
    assertThatThrownBy(() -> POSTGRESQL.quote("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesUrlsWithoutCredentialsAndIpv6InBrackets() {
    ConnectionDetails v6 = new ConnectionDetails(DatabaseKind.POSTGRESQL, "::1", 5433, "my db", "u", DatabasePassword.of("pw-in-url?"));
    assertThat(POSTGRESQL.jdbcUrl(v6)).isEqualTo("jdbc:postgresql://[::1]:5433/my+db");
    ConnectionDetails host = new ConnectionDetails(DatabaseKind.MARIADB, "db.local", 3306, "sales", "u", DatabasePassword.of("pw-in-url?"));
    assertThat(MARIADB.jdbcUrl(host)).isEqualTo("jdbc:mysql://db.local:3306/sales");
  }

  /** MariaDB/MySQL cannot index unbounded text, so text key columns are bounded there. */
  @Test
  void mapsTheProjectsColumnTypesPerServer() {
    assertThat(MARIADB.columnType(ColumnType.ID, true, false)).isEqualTo("VARCHAR(255)");
    assertThat(MARIADB.columnType(ColumnType.CATEGORICAL, false, false)).isEqualTo("LONGTEXT");
    assertThat(POSTGRESQL.columnType(ColumnType.ID, true, false)).isEqualTo("TEXT");
    assertThat(MARIADB.columnType(ColumnType.DATETIME, false, true)).isEqualTo("DATETIME(6)");
    assertThat(POSTGRESQL.columnType(ColumnType.DATETIME, false, true)).isEqualTo("TIMESTAMP(6)");
    assertThat(POSTGRESQL.columnType(ColumnType.DATETIME, false, false)).isEqualTo("DATE");
    assertThat(POSTGRESQL.columnType(ColumnType.FLOAT, false, false)).isEqualTo("DOUBLE PRECISION");
    assertThat(MARIADB.columnType(ColumnType.BOOLEAN, false, false)).isEqualTo("BOOLEAN");
    assertThat(MARIADB.columnType(ColumnType.INTEGER, true, false)).isEqualTo("BIGINT");
  }
}
