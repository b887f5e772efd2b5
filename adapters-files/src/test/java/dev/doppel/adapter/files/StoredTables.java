package dev.doppel.adapter.files;

import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.application.port.out.TableReader.TableLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Detection of a file already in the store, for tests: its bytes pass through a watch as an upload's would. */
public final class StoredTables {
  private StoredTables() {}

  public static TableLayout detect(TableReader reader, FileStore store, String key) {
    TableReader.WatchedUpload watched;
    try (InputStream in = store.open(key)) {
      watched = reader.watch(in);
      watched.bytes().transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reader.detect(key, watched);
  }
}
