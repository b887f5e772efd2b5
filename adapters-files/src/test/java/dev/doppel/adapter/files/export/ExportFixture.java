package dev.doppel.adapter.files.export;

import dev.doppel.adapter.files.LocalFileStore;
import dev.doppel.adapter.files.StoredTables;
import dev.doppel.adapter.files.StreamingTableReader;
import dev.doppel.application.port.out.TableReader.RowConsumer;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.dataset.profile.TableProfiler;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A file store in a temporary folder, the reader and exporter over it, and helpers around them. */
final class ExportFixture {
  static final TableLayout CSV = new TableLayout(FileFormat.CSV, ',');

  private final AtomicInteger keys = new AtomicInteger();
  final LocalFileStore store;
  final StreamingTableReader reader;
  final StreamingTableExporter exporter;

  ExportFixture(Path dir) {
    store = new LocalFileStore(dir);
    reader = new StreamingTableReader(store);
    exporter = new StreamingTableExporter(reader);
  }

  /** The team's shared datasets, as {@code SharedDatasetsTest} finds them; fails when missing. */
  static Path datasetsDir() {
    String override = System.getenv("DOPPEL_DATASETS_DIR");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    for (Path candidate : List.of(Path.of("../../shared/datasets"), Path.of("../shared/datasets"))) {
      if (Files.isDirectory(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new AssertionError("shared datasets folder not found beside the repository (set DOPPEL_DATASETS_DIR)");
  }

  TableLayout detect(String key) {
    return StoredTables.detect(reader, store, key);
  }

  String put(byte[] bytes) {
    String key = "t/" + keys.incrementAndGet();
    store.write(key, new ByteArrayInputStream(bytes), Long.MAX_VALUE);
    return key;
  }

  String putFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String key = "t/" + keys.incrementAndGet();
      store.write(key, in, Long.MAX_VALUE);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema the domain's profiler gives the stored table. */
  List<ColumnSchema> profile(String key, TableLayout layout) {
    TableProfiler[] profiler = new TableProfiler[1];
    reader.read(
        key,
        layout,
        new RowConsumer() {
          @Override
          public void header(List<String> columnNames) {
            profiler[0] = new TableProfiler(columnNames, ProfilingLimits.DEFAULT, Map.of());
          }

          @Override
          public boolean row(String[] values) {
            profiler[0].accept(values);
            return true;
          }
        });
    return profiler[0].finish().schema();
  }

  byte[] export(String key, TableLayout layout, List<ColumnSchema> schema, ExportFormat format, ExportOptions options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.export(key, layout, schema, format, options, out);
    return out.toByteArray();
  }

  /** The header and raw rows of a stored table. */
  Table read(String key, TableLayout layout) {
    Table table = new Table();
    reader.read(key, layout, table);
    return table;
  }

  /** Every row of the stored table, typed by the schema as the exporter types it. */
  List<List<Object>> typedSource(String key, TableLayout layout, List<ColumnSchema> schema) {
    List<ExportColumn> columns = columns(schema);
    List<List<Object>> rows = new ArrayList<>();
    for (String[] raw : read(key, layout).rows) {
      List<Object> row = new ArrayList<>(raw.length);
      for (int i = 0; i < raw.length; i++) {
        row.add(columns.get(i).typed(raw[i]));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Rows read back from a Parquet export, typed by the original columns except that datetimes are
   * read in the layout the Parquet reader gives them ({@code yyyy-MM-dd HH:mm:ss[.ffffff]}).
   */
  List<List<Object>> typedExport(Table table, List<ColumnSchema> schema) {
    List<ExportColumn> columns = columns(schema);
    List<List<Object>> rows = new ArrayList<>();
    for (String[] raw : table.rows) {
      List<Object> row = new ArrayList<>(raw.length);
      for (int i = 0; i < raw.length; i++) {
        row.add(retyped(raw[i], columns.get(i)));
      }
      rows.add(row);
    }
    return rows;
  }

  static Object retyped(String raw, ExportColumn column) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    return switch (column.kind()) {
      case DATETIME -> LocalDateTime.parse(raw.replace(' ', 'T'));
      case DATE -> LocalDate.parse(raw);
      default -> column.typed(raw);
    };
  }

  static List<ExportColumn> columns(List<ColumnSchema> schema) {
    return schema.stream().map(ExportColumn::of).toList();
  }

  /** Everything a read delivered. */
  static final class Table implements RowConsumer {
    List<String> header;
    final List<String[]> rows = new ArrayList<>();

    @Override
    public void header(List<String> columnNames) {
      header = columnNames;
    }

    @Override
    public boolean row(String[] values) {
      rows.add(Arrays.copyOf(values, values.length));
      return true;
    }
  }
}
