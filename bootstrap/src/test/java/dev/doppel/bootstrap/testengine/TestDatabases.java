package dev.doppel.bootstrap.testengine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TableSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The test engine's databases. "Training" keeps the request in {@code database.json}; "generation"
 * writes referentially intact tables from the real rows: a root table's rows scaled (cycling, with
 * its key's last column made unique on repeats), a child's real rows with every foreign key that
 * names no synthetic parent re-pointed at one, then sorted by its {@code orderBy} columns; a table
 * asked for anomalies gets exactly round(ratio × rows) of them labelled, its keys untouched; a root
 * table given fixed values carries them in every row, refused as the engine refuses them (a column
 * it lacks, a key column, a value never seen).
 * "Evaluation" measures what the files hold, in the report's shape: rows per table, and per
 * relationship the orphans among the synthetic child rows and how children spread over parents
 * (a histogram and the KS complement).
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
      Conditioning.FixedValues fixed = request.conditions().get(table.name());
      if (fixed != null) {
        fix(rows, real, table, fixed);
      }
      generated.put(table.name(), rows);
      Optional<AnomalySpec> anomalies = Optional.ofNullable(request.anomalies().get(table.name()));
      long anomalous = anomalies.map(spec -> spec.anomalousRows(rows.rows().size())).orElse(0L);
      Files.write(request.output().resolve(table.name() + ".csv"), rows.lines(anomalies, anomalous), StandardCharsets.UTF_8);
      counts.add(new TableRows(table.name(), rows.rows().size(), anomalous));
    }
    return counts;
  }

  private record Table(List<String> columns, List<String[]> rows) {
    /**
     * The CSV lines, with the anomaly label (and kind) columns when asked for: {@code anomalous} rows
     * spread evenly over the table are labelled, their cells left as they are.
     */
    List<String> lines(Optional<AnomalySpec> anomalies, long anomalous) {
      List<String> header = new ArrayList<>(columns);
      anomalies.flatMap(AnomalySpec::labelColumn).ifPresent(header::add);
      anomalies.flatMap(AnomalySpec::kindColumn).ifPresent(header::add);
      String kind = anomalies.flatMap(spec -> spec.kinds().stream().findFirst()).orElse("out_of_range");
      List<String> lines = new ArrayList<>();
      lines.add(String.join(",", header));
      for (int i = 0; i < rows.size(); i++) {
        List<String> cells = new ArrayList<>(Arrays.asList(rows.get(i)));
        boolean labelled = (i + 1) * anomalous / rows.size() > i * anomalous / rows.size();
        anomalies.flatMap(AnomalySpec::labelColumn).ifPresent(label -> cells.add(String.valueOf(labelled)));
        anomalies.flatMap(AnomalySpec::kindColumn).ifPresent(column -> cells.add(labelled ? kind : ""));
        lines.add(String.join(",", cells));
      }
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

  private static void fix(Table rows, TestRows real, StoredTable table, Conditioning.FixedValues fixed) {
    fixed.values().forEach((column, value) -> {
      int at = real.columns().indexOf(column);
      String why = at < 0 ? "not a column of the model; its columns: " + String.join(", ", real.columns())
          : table.primaryKey().contains(column) ? "is a key; the engine makes its values, so rows cannot be conditioned on it"
          : real.rows().stream().noneMatch(row -> row[at].equals(value)) ? "'" + value + "' was never seen in training"
          : null;
      if (why != null) {
        throw new EngineException(EngineException.Kind.INVALID_INPUT, "conditions of table '" + table.name() + "': column '" + column + "': " + why);
      }
      rows.rows().forEach(row -> row[at] = value);
    });
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

  static String evaluate(EngineRequests.DatabaseEvaluation request) throws IOException {
    Map<String, TestRows> real = new LinkedHashMap<>();
    Map<String, TestRows> synthetic = new LinkedHashMap<>();
    Map<String, Object> tables = new LinkedHashMap<>();
    for (EngineRequests.DatabaseTable table : request.tables()) {
      real.put(table.name(), TestRows.of(table.data().file()));
      synthetic.put(table.name(), TestRows.of(request.synthetic().get(table.name())));
      tables.put(table.name(), Map.of("rows", Map.of("real", real.get(table.name()).rows().size(), "synthetic", synthetic.get(table.name()).rows().size())));
    }
    List<Map<String, Object>> relationships = new ArrayList<>();
    long childRows = 0;
    long orphans = 0;
    List<Double> ksComplements = new ArrayList<>();
    for (EngineRequests.DatabaseLink link : request.links()) {
      long[] realChildren = childrenPerParent(real.get(link.parent()), link.parentColumns(), real.get(link.child()), link.childColumns());
      TestRows children = synthetic.get(link.child());
      long[] syntheticChildren = childrenPerParent(synthetic.get(link.parent()), link.parentColumns(), children, link.childColumns());
      long linked = Arrays.stream(syntheticChildren).sum();
      long unlinked = children.rows().size() - linked;
      double ks = ksComplement(realChildren, syntheticChildren);
      childRows += children.rows().size();
      orphans += unlinked;
      ksComplements.add(ks);
      Map<String, Object> relationship = new LinkedHashMap<>();
      relationship.put("parent", link.parent());
      relationship.put("child", link.child());
      relationship.put("parentColumns", link.parentColumns());
      relationship.put("childColumns", link.childColumns());
      relationship.put("integrity", Map.of("childRows", children.rows().size(), "orphans", unlinked, "share", children.rows().isEmpty() ? 1.0 : 1 - (double) unlinked / children.rows().size()));
      long[] bins = bins(realChildren, syntheticChildren);
      relationship.put("childrenPerParent", Map.of("bins", bins, "real", side(realChildren, bins), "synthetic", side(syntheticChildren, bins), "ksComplement", ks));
      relationships.add(relationship);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("tables", tables.size());
    summary.put("relationships", relationships.size());
    summary.put("integrity", childRows == 0 ? 1.0 : 1 - (double) orphans / childRows);
    summary.put("orphans", orphans);
    summary.put("childrenPerParentKsComplement", ksComplements.stream().mapToDouble(Double::doubleValue).average().orElse(1.0));
    return JSON.writeValueAsString(Map.of("tables", tables, "relationships", relationships, "summary", summary, "scope", "scores"));
  }

  /** Per parent row, how many child rows name its key; keys compare as numbers where they are numbers, so 1985 and 1985.0 are one year. */
  private static long[] childrenPerParent(TestRows parents, List<String> parentColumns, TestRows children, List<String> childColumns) {
    Map<List<String>, Integer> position = new HashMap<>();
    for (int i = 0; i < parents.rows().size(); i++) {
      position.putIfAbsent(key(parents, parents.rows().get(i), parentColumns), i);
    }
    long[] counts = new long[parents.rows().size()];
    for (String[] row : children.rows()) {
      Integer parent = position.get(key(children, row, childColumns));
      if (parent != null) {
        counts[parent]++;
      }
    }
    return counts;
  }

  private static List<String> key(TestRows table, String[] row, List<String> columns) {
    return columns.stream().map(c -> {
      String cell = row[table.columns().indexOf(c)];
      try {
        double number = Double.parseDouble(cell);
        return number == Math.rint(number) ? String.valueOf((long) number) : cell;
      } catch (NumberFormatException e) {
        return cell;
      }
    }).toList();
  }

  /** As the engine's: integer edges from 0 to one past the largest count, one bin per count up to 20 bins, else 20 of about equal width. */
  private static long[] bins(long[] real, long[] synthetic) {
    long top = Math.max(Arrays.stream(real).max().orElse(0), Arrays.stream(synthetic).max().orElse(0)) + 1;
    int count = (int) Math.min(top, 20);
    return LongStream.rangeClosed(0, count).map(i -> Math.round(i * (double) top / count)).distinct().toArray();
  }

  private static Map<String, Object> side(long[] counts, long[] bins) {
    double[] shares = new double[bins.length - 1];
    for (long count : counts) {
      for (int b = 0; b < shares.length; b++) {
        if (count >= bins[b] && (count < bins[b + 1] || b == shares.length - 1)) {
          shares[b] += 1.0 / counts.length;
          break;
        }
      }
    }
    return Map.of(
        "parents", counts.length, "children", Arrays.stream(counts).sum(), "shares", shares,
        "childless", counts.length == 0 ? 0.0 : Arrays.stream(counts).filter(c -> c == 0).count() / (double) counts.length);
  }

  /** One minus the Kolmogorov-Smirnov statistic: the largest gap between the two empirical distributions. */
  private static double ksComplement(long[] real, long[] synthetic) {
    long[] a = real.clone();
    long[] b = synthetic.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    double gap = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      long value = Math.min(a[i], b[j]);
      while (i < a.length && a[i] == value) {
        i++;
      }
      while (j < b.length && b[j] == value) {
        j++;
      }
      gap = Math.max(gap, Math.abs((double) i / a.length - (double) j / b.length));
    }
    return a.length == 0 || b.length == 0 ? 0.0 : 1 - gap;
  }
}
