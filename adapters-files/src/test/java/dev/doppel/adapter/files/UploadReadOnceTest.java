package dev.doppel.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.TableReader.RowConsumer;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.application.port.out.TableReader.WatchedUpload;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.DatasetProfile;
import dev.doppel.domain.dataset.TextEncoding;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.dataset.profile.TableProfiler;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload is stored through a watch, detected from what the watch saw, and read back once to be profiled. */
class UploadReadOnceTest {
  @TempDir Path dir;

  @Test
  void anUploadWithChosenTypesIsReadFromDiskOnce() {
    CountingStore store = new CountingStore(new LocalFileStore(dir));
    StreamingTableReader reader = new StreamingTableReader(store);
    StringBuilder csv = new StringBuilder("zip,city,n\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append(String.format("%05d,Zürich,%d%n", i, i % 7));
    }

    WatchedUpload upload = reader.watch(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    store.write("t/upload", upload.bytes(), Long.MAX_VALUE);
    TableLayout layout = reader.detect("t/upload", upload);
    List<TableProfiler> profiler = new ArrayList<>();
    reader.read("t/upload", layout, new RowConsumer() {
      @Override
      public void header(List<String> columnNames) {
        profiler.add(new TableProfiler(columnNames, ProfilingLimits.DEFAULT, Map.of("zip", ColumnType.CATEGORICAL)));
      }

      @Override
      public boolean row(String[] values) {
        profiler.get(0).accept(values);
        return true;
      }
    });
    DatasetProfile profile = profiler.get(0).finish();

    assertThat(store.reads).isEqualTo(1);
    assertThat(layout.encoding()).contains(TextEncoding.UTF_8);
    assertThat(profile.rowCount()).isEqualTo(20_000);
    assertThat(profile.column("zip").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
  }

  @Test
  void aBadByteAfterAccentsIsNamedByItsLineWithoutReadingTheFileAgain() {
    CountingStore store = new CountingStore(new LocalFileStore(dir));
    StreamingTableReader reader = new StreamingTableReader(store);
    byte[] good = "name\nZoë\nJosé\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(good, good.length + 2);
    bytes[good.length] = (byte) 0xC3;
    bytes[good.length + 1] = '\n';

    WatchedUpload upload = reader.watch(new ByteArrayInputStream(bytes));
    store.write("t/bad", upload.bytes(), Long.MAX_VALUE);

    assertThatThrownBy(() -> reader.detect("t/bad", upload)).isInstanceOf(InvalidTableException.class).hasMessage("line 4 is not valid UTF-8");
    assertThat(store.reads).isZero();
  }

  @Test
  void anUploadNotStoredToItsEndCannotBeDetected() {
    StreamingTableReader reader = new StreamingTableReader(new LocalFileStore(dir));
    WatchedUpload upload = reader.watch(new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> reader.detect("t/never", upload)).isInstanceOf(IllegalStateException.class);
  }

  /** Counts every way of reading a stored file: opening it and locating it on disk. */
  private static final class CountingStore implements FileStore {
    private final FileStore store;
    int reads;

    CountingStore(FileStore store) {
      this.store = store;
    }

    @Override
    public StoredContent write(String key, InputStream content, long maxBytes) {
      return store.write(key, content, maxBytes);
    }

    @Override
    public InputStream open(String key) {
      reads++;
      return store.open(key);
    }

    @Override
    public StoredContent inspect(String key) {
      return store.inspect(key);
    }

    @Override
    public Path locate(String key) {
      reads++;
      return store.locate(key);
    }

    @Override
    public void delete(String keyOrPrefix) {
      store.delete(keyOrPrefix);
    }
  }
}
