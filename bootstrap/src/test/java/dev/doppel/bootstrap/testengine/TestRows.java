package dev.doppel.bootstrap.testengine;

import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.dataset.profile.TableRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test engine's "model": the rows of the training table (plain CSV, no quoted commas), and the
 * values each column took, against which it checks given values as the real engine checks them
 * against what it learned.
 */
record TestRows(List<String> columns, List<String[]> rows, Map<String, Set<String>> seen) {
  static TestRows of(Path source) throws IOException {
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    List<String> columns = List.of(lines.get(0).split(",", -1));
    List<String[]> rows = lines.subList(1, lines.size()).stream().filter(line -> !line.isEmpty()).map(line -> line.split(",", -1)).toList();
    Map<String, Set<String>> seen = new LinkedHashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      Set<String> values = new LinkedHashSet<>();
      for (String[] row : rows) {
        values.add(row[c]);
      }
      values.remove("");
      seen.put(columns.get(c), values);
    }
    return new TestRows(columns, rows, seen);
  }

  /**
   * Output row {@code i}: the source's row {@code i} (cycling), with the given cells put in; when
   * {@code fillNulls} (imputation), a missing value becomes the column's first value seen.
   */
  String row(long i, Map<String, String> given, boolean fillNulls) {
    String[] cells = rows.get((int) (i % rows.size())).clone();
    given.forEach((column, value) -> cells[columns.indexOf(column)] = value);
    for (int c = 0; fillNulls && c < cells.length; c++) {
      if (isNull(cells[c])) {
        cells[c] = seen.get(columns.get(c)).stream().filter(value -> !isNull(value)).findFirst().orElse(cells[c]);
      }
    }
    return String.join(",", cells);
  }

  private static boolean isNull(String cell) {
    return cell.isEmpty() || TableRules.SHARED.nullTokens().contains(cell);
  }

  /** The given cells of each output row, checked; refuses as the real engine does, naming the column. */
  List<Map<String, String>> given(EngineRequests.Given given, long rows) {
    Conditioning conditioning = given.conditioning();
    if (conditioning instanceof Conditioning.FixedValues fixed) {
      fixed.values().forEach(this::requireSeen);
      return Collections.nCopies((int) rows, fixed.values());
    }
    if (conditioning instanceof Conditioning.GivenRows partial) {
      partial.rows().forEach(row -> row.forEach(this::requireSeen));
      return partial.rows();
    }
    if (conditioning instanceof Conditioning.Shares shares) {
      return rebalanced(shares, rows);
    }
    return imputed(given.table().orElseThrow());
  }

  private List<Map<String, String>> rebalanced(Conditioning.Shares shares, long rows) {
    shares.shares().keySet().forEach(value -> requireSeen(shares.column(), value));
    double total = shares.shares().values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(total - 1) > 1e-6) {
      throw refused(shares.column(), "the shares must sum to 1 (they sum to " + total + ")");
    }
    List<Map<String, String>> given = new ArrayList<>();
    shares.shares().forEach((value, share) -> {
      for (long n = Math.round(share * rows); n > 0 && given.size() < rows; n--) {
        given.add(Map.of(shares.column(), value));
      }
    });
    while (given.size() < rows) {
      given.add(given.get(given.size() - 1));
    }
    return given;
  }

  private List<Map<String, String>> imputed(Path table) {
    List<String> lines;
    try {
      lines = Files.readAllLines(table, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EngineException(EngineException.Kind.INVALID_INPUT, "the engine failed reading the table");
    }
    if (lines.size() < 2) {
      throw new EngineException(EngineException.Kind.INVALID_INPUT, "the table has no rows");
    }
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    for (String column : columns) {
      if (!header.contains(column)) {
        throw refused(column, "missing from the table to impute, which needs every column of the dataset");
      }
    }
    List<Map<String, String>> given = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size() && c < cells.length; c++) {
        if (!cells[c].isEmpty()) {
          row.put(header.get(c), cells[c]);
        }
      }
      given.add(row);
    }
    return given;
  }

  private void requireSeen(String column, String value) {
    Set<String> values = seen.get(column);
    if (values == null) {
      throw refused(column, "not a column of the model; its columns: " + String.join(", ", columns));
    }
    if (!values.contains(value)) {
      throw refused(column, "'" + value + "' was never seen in training; allowed: " + String.join(", ", values.stream().limit(10).toList()));
    }
  }

  private static EngineException refused(String column, String why) {
    return new EngineException(EngineException.Kind.INVALID_INPUT, "column '" + column + "': " + why);
  }
}
