package dev.doppel.bootstrap.testengine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TableSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test engine's databases. "Training" keeps the request in {@code database.json}; "generation"
 * writes referentially intact tables from the real rows: a root table's rows scaled (cycling, with
 * its key's last column made unique on repeats), a child's real rows with every foreign key that
 * names no synthetic parent re-pointed at one, then sorted by its {@code orderBy} columns.
 */
final class TestDatabases {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOCUMENT = "database.json";

  private TestDatabases() {}

  /** The database document as the test engine stores it. */
  record Stored(List<StoredTable> tables, List<EngineRequests.DatabaseLink> links) {}

  record StoredTable(String name, String data, List<String> primaryKey) {}

  static List<TableSummary> train(EngineRequests.DatabaseTraining request) throws IOException {
    List<TableSummary> summary = new ArrayList<>();
    List<StoredTable> tables = new ArrayList<>();
    for (EngineRequests.DatabaseTable table : request.tables()) {
      TestRows rows = TestRows.of(table.data().file());
      summary.add(new TableSummary(table.name(), rows.rows().size(), 0.04));
      tables.add(new StoredTable(table.name(), table.data().file().toString(), table.primaryKey()));
    }
    Files.createDirectories(request.modelFolder());
    JSON.writeValue(request.modelFolder().resolve(DOCUMENT).toFile(), new Stored(tables, request.links()));
    return summary;
  }

  static List<TableRows> generate(EngineRequests.DatabaseGeneration request, Runnable checkCancelled) throws IOException {
    Path document = request.modelFolder().resolve(DOCUMENT);
    if (!Files.isRegularFile(document)) {
      throw new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the model folder holds no database.json");
    }
    Stored stored = JSON.readValue(document.toFile(), Stored.class);
    Map<String, Table> generated = new LinkedHashMap<>();
    List<TableRows> counts = new ArrayList<>();
    Files.createDirectories(request.output());
    for (StoredTable table : stored.tables()) {
      checkCancelled.run();
      TestRows real = TestRows.of(Path.of(table.data()));
      List<EngineRequests.DatabaseLink> parents = stored.links().stream().filter(l -> l.child().equals(table.name())).toList();
      Table rows = parents.isEmpty() ? root(real, table.primaryKey(), request.scale()) : child(real, parents, generated);
      generated.put(table.name(), rows);
      Files.write(request.output().resolve(table.name() + ".csv"), rows.lines(), StandardCharsets.UTF_8);
      counts.add(new TableRows(table.name(), rows.rows().size()));
    }
    return counts;
  }

  private record Table(List<String> columns, List<String[]> rows) {
    List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add(String.join(",", columns));
      rows.forEach(row -> lines.add(String.join(",", row)));
      return lines;
    }

    Set<List<String>> keys(List<String> keyColumns) {
      Set<List<String>> keys = new HashSet<>();
      rows.forEach(row -> keys.add(values(row, keyColumns)));
      return keys;
    }

    List<String> values(String[] row, List<String> keyColumns) {
      return keyColumns.stream().map(c -> row[columns.indexOf(c)]).toList();
    }
  }

  private static Table root(TestRows real, List<String> primaryKey, double scale) {
    int count = Math.max(1, (int) Math.round(real.rows().size() * scale));
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String[] row = real.rows().get(i % real.rows().size()).clone();
      int round = i / real.rows().size();
      if (round > 0 && !primaryKey.isEmpty()) {
        int last = real.columns().indexOf(primaryKey.get(primaryKey.size() - 1));
        row[last] = row[last] + "-" + round;
      }
      rows.add(row);
    }
    return new Table(real.columns(), rows);
  }

  private static Table child(TestRows real, List<EngineRequests.DatabaseLink> links, Map<String, Table> generated) {
    Table table = new Table(real.columns(), new ArrayList<>(real.rows().stream().map(String[]::clone).toList()));
    for (EngineRequests.DatabaseLink link : links) {
      Table parent = generated.get(link.parent());
      Set<List<String>> keys = parent.keys(link.parentColumns());
      List<List<String>> choices = new ArrayList<>(keys);
      choices.sort(Comparator.comparing(List::toString));
      for (int i = 0; i < table.rows().size(); i++) {
        String[] row = table.rows().get(i);
        if (!keys.contains(table.values(row, link.childColumns()))) {
          List<String> key = choices.get(i % choices.size());
          for (int c = 0; c < link.childColumns().size(); c++) {
            row[table.columns().indexOf(link.childColumns().get(c))] = key.get(c);
          }
        }
      }
    }
    links.stream().filter(l -> !l.orderBy().isEmpty()).findFirst().ifPresent(sequence -> {
      Comparator<String[]> order = Comparator.comparing(row -> table.values(row, sequence.childColumns()).toString());
      for (String column : sequence.orderBy()) {
        order = order.thenComparing(row -> row[table.columns().indexOf(column)], TestDatabases::compareCells);
      }
      table.rows().sort(order);
    });
    return table;
  }

  private static int compareCells(String a, String b) {
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
