package dev.doppel.adapter.files.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.files.LocalFileStore;
import dev.doppel.adapter.files.StreamingTableReader;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exports stream: bytes leave while the table is still being read, not after it. (Flat memory on a
 * small heap is shown by the benchmark run with -Xmx256m, see BENCHMARKS.md.)
 */
class StreamingExportTest {
  private static final int ROWS = 2_000_000;
  private static final List<ColumnSchema> SCHEMA =
      List.of(
          new ColumnSchema("id", ColumnType.ID, Optional.empty()),
          new ColumnSchema("amount", ColumnType.FLOAT, Optional.empty()),
          new ColumnSchema("flag", ColumnType.BOOLEAN, Optional.empty()),
          new ColumnSchema("at", ColumnType.DATETIME, Optional.of("%Y-%m-%d %H:%M:%S")),
          new ColumnSchema("label", ColumnType.CATEGORICAL, Optional.empty()));

  private static Path dir;
  private static LocalFileStore store;

  @BeforeAll
  static void generate() throws IOException {
    dir = Files.createTempDirectory("doppel-export-stream-");
    store = new LocalFileStore(dir);
    Path file = store.locate("t/big");
    Files.createDirectories(file.getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("id,amount,flag,at,label\n");
      for (int i = 0; i < ROWS; i++) {
        out.write(i + "," + (i % 1000) / 8.0 + "," + (i % 3 == 0) + ",2019-03-" + (10 + i % 20) + " 12:" + (10 + i % 50) + ":00,label " + i % 7 + "\n");
      }
    }
  }

  @AfterAll
  static void delete() {
    store.delete("t");
    dir.toFile().delete();
  }

  @ParameterizedTest
  @EnumSource(value = ExportFormat.class, names = {"CSV", "PARQUET"})
  void firstBytesLeaveWhileRowsAreStillBeingRead(ExportFormat format) {
    AtomicLong rowsRead = new AtomicLong();
    TableReader counting = new CountingReader(new StreamingTableReader(store), rowsRead);
    FirstBytes out = new FirstBytes(rowsRead);

    new StreamingTableExporter(counting).export("t/big", ExportFixture.CSV, SCHEMA, format, ExportOptions.DEFAULT, out);

    assertThat(rowsRead.get()).isEqualTo(ROWS);
    assertThat(out.rowsReadAtFirstByte).as("rows read before the first byte left").isBetween(0L, ROWS / 10L);
    assertThat(out.bytes).isGreaterThan(ROWS);
    assertThat(out.bytesWhileReadingFirstHalf).as("bytes out while the first half was read").isGreaterThan(out.bytes / 4);
  }

  /** Discards bytes, remembering how many rows had been read when they arrived. */
  private static final class FirstBytes extends OutputStream {
    private final AtomicLong rowsRead;
    long rowsReadAtFirstByte = -1;
    long bytes;
    long bytesWhileReadingFirstHalf;

    FirstBytes(AtomicLong rowsRead) {
      this.rowsRead = rowsRead;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (bytes == 0 && len > 0) {
        rowsReadAtFirstByte = rowsRead.get();
      }
      bytes += len;
      if (rowsRead.get() < ROWS / 2) {
        bytesWhileReadingFirstHalf += len;
      }
    }
  }

  private record CountingReader(TableReader reader, AtomicLong rows) implements TableReader {
    @Override
    public WatchedUpload watch(InputStream upload) {
      return reader.watch(upload);
    }

    @Override
    public TableLayout detect(String key, WatchedUpload upload) {
      return reader.detect(key, upload);
    }

    @Override
    public void read(String key, TableLayout layout, RowConsumer consumer) {
      reader.read(
          key,
          layout,
          new RowConsumer() {
            @Override
            public void header(List<String> columnNames) {
              consumer.header(columnNames);
            }

            @Override
            public boolean row(String[] values) {
              rows.incrementAndGet();
              return consumer.row(values);
            }
          });
    }
  }
}
