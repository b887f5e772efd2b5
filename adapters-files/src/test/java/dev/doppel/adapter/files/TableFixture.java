package dev.doppel.adapter.files;

import dev.doppel.application.port.out.TableReader.RowConsumer;
import dev.doppel.application.port.out.TableReader.TableLayout;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A file store in a temporary folder and a reader over it, with helpers to store and read tables. */
final class TableFixture {
  private final AtomicInteger keys = new AtomicInteger();
  final LocalFileStore store;
  final StreamingTableReader reader;

  TableFixture(Path dir) {
    store = new LocalFileStore(dir);
    reader = new StreamingTableReader(store);
  }

  String put(String text) {
    return put(text.getBytes(StandardCharsets.UTF_8));
  }

  String put(byte[] bytes) {
    String key = "t/" + keys.incrementAndGet();
    store.write(key, new ByteArrayInputStream(bytes), Long.MAX_VALUE);
    return key;
  }

  TableLayout detect(String key) {
    return StoredTables.detect(reader, store, key);
  }

  Table read(String key) {
    return read(key, detect(key));
  }

  Table read(String key, TableLayout layout) {
    Table table = new Table();
    reader.read(key, layout, table);
    return table;
  }

  /** Everything a read delivered. */
  static final class Table implements RowConsumer {
    List<String> header;
    int headerCalls;
    final List<List<String>> rows = new ArrayList<>();

    @Override
    public void header(List<String> columnNames) {
      header = columnNames;
      headerCalls++;
    }

    @Override
    public boolean row(String[] values) {
      rows.add(java.util.Arrays.asList(values));
      return true;
    }
  }
}
