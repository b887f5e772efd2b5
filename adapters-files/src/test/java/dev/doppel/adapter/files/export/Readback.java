package dev.doppel.adapter.files.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.adapter.persistence.support.MariaDbServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads exports back with independent tools: Jackson for JSON, a real MariaDB for SQL. */
final class Readback {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Readback() {}

  /** The rows of a JSON array or JSON Lines export, checking every object has the columns in order. */
  static List<List<Object>> json(byte[] bytes, boolean lines, List<ExportColumn> columns) {
    List<JsonNode> objects = new ArrayList<>();
    try {
      if (lines) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).as("JSON Lines end with a line break").endsWith("\n");
        for (String line : text.split("\n", -1)) {
          if (!line.isEmpty()) {
            objects.add(JSON.readTree(line));
          }
        }
      } else {
        JsonNode array = JSON.readTree(bytes);
        assertThat(array.isArray()).isTrue();
        array.forEach(objects::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode object : objects) {
      List<Object> row = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      for (ExportColumn column : columns) {
        Map.Entry<String, JsonNode> field = fields.next();
        assertThat(field.getKey()).isEqualTo(column.name());
        row.add(value(field.getValue(), column));
      }
      assertThat(fields.hasNext()).isFalse();
      rows.add(row);
    }
    return rows;
  }

  private static Object value(JsonNode node, ExportColumn column) {
    if (node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isFloatingPointNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.textValue();
    return switch (column.kind()) {
      case DATETIME -> {
        assertThat(text).matches(column.fractionalSeconds() ? "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}" : "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        yield LocalDateTime.parse(text);
      }
      case DATE -> LocalDate.parse(text);
      default -> text;
    };
  }

  /** The statements of a SQL export, checking each sits on its own line; comment lines are left out. */
  static List<String> statements(String sql) {
    assertThat(sql).endsWith(";\n");
    List<String> statements = Stream.of(sql.substring(0, sql.length() - 1).split("\n", -1)).filter(line -> !line.startsWith("-- ")).toList();
    assertThat(statements).allSatisfy(statement -> assertThat(statement).endsWith(";"));
    return statements;
  }

  /** Runs a MySQL export in a fresh database of the test MariaDB and selects the table back. */
  static List<List<Object>> mariaDb(String sql, String database, String table, List<ExportColumn> columns) {
    return mariaDb(sql, database, table, columns.stream().map(ExportColumn::name).toList(), columns, "");
  }

  /**
   * Runs a MySQL export in a fresh database of the test MariaDB, in a session whose {@code
   * sql_mode} also holds {@code extraSqlMode} (when not blank), and selects the table back,
   * checking the columns carry {@code labels}.
   */
  static List<List<Object>> mariaDb(String sql, String database, String table, List<String> labels, List<ExportColumn> columns, String extraSqlMode) {
    MariaDbServer server = MariaDbServer.shared();
    // Server-side prepared statements use the binary protocol, so doubles come back bit for bit.
    String url = server.freshDatabase(database) + "&useServerPrepStmts=true&characterEncoding=UTF-8";
    try (Connection connection = DriverManager.getConnection(url, server.username(), server.password())) {
      try (Statement statement = connection.createStatement()) {
        if (!extraSqlMode.isBlank()) {
          statement.execute("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@sql_mode, ''), '" + extraSqlMode + "')");
          try (ResultSet mode = statement.executeQuery("SELECT @@sql_mode")) {
            mode.next();
            assertThat(mode.getString(1)).contains(extraSqlMode);
          }
        }
        for (String each : statements(sql)) {
          statement.execute(each);
        }
      }
      List<List<Object>> rows = new ArrayList<>();
      // No primary key: InnoDB keeps rows in insertion order, which is the export's order.
      try (PreparedStatement select = connection.prepareStatement("SELECT * FROM `" + table + "`");
          ResultSet result = select.executeQuery()) {
        assertThat(result.getMetaData().getColumnCount()).isEqualTo(columns.size());
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 0; i < columns.size(); i++) {
            assertThat(result.getMetaData().getColumnLabel(i + 1)).isEqualTo(labels.get(i));
            row.add(column(result, i + 1, columns.get(i)));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("MariaDB refused the export: " + e.getMessage(), e);
    }
  }

  private static Object column(ResultSet result, int index, ExportColumn column) throws SQLException {
    Object value =
        switch (column.kind()) {
          case INTEGER -> result.getLong(index);
          case FLOAT -> result.getDouble(index);
          case BOOLEAN -> result.getBoolean(index);
          case DATETIME -> result.getObject(index, LocalDateTime.class);
          case DATE -> result.getObject(index, LocalDate.class);
          case TEXT -> result.getString(index);
        };
    return result.wasNull() ? null : value;
  }
}
