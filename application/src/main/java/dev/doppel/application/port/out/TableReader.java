package dev.doppel.application.port.out;

import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.StoredFile;
import dev.doppel.domain.dataset.TextEncoding;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Reads stored tables as text cells, streaming, so memory stays flat whatever the file's size.
 * Problems a user can fix (binary content, a ragged row, an unclosed quote, invalid UTF-8) throw
 * {@link dev.doppel.domain.dataset.profile.InvalidTableException} with field {@code file} and a
 * message naming the line. A table beyond the reading limits (too many columns, a value, record or
 * Parquet block too large) throws {@link dev.doppel.application.port.in.PayloadTooLargeException},
 * as soon as the limit is crossed, never after holding the oversized part in memory.
 */
public interface TableReader {
  /**
   * Watches an upload's bytes on their way into the store, so that {@link #detect} reads nothing
   * back: the caller stores {@link WatchedUpload#bytes()} to its end, then detects.
   */
  WatchedUpload watch(InputStream upload);

  /**
   * Recognises CSV (its delimiter and encoding) or Parquet from the bytes the watch saw, not the
   * file's name. CSV text that is not UTF-8 but Windows-1252 is rewritten as UTF-8 under the same
   * key, so that every later reader of the stored file (previews, downloads, the synthesis engine)
   * sees UTF-8; the layout names the encoding the file arrived in.
   *
   * @param upload the watch whose bytes were stored under {@code key}, read to their end
   */
  TableLayout detect(String key, WatchedUpload upload);

  /** Sends the header, then each row until the file ends or the consumer returns false. */
  void read(String key, TableLayout layout, RowConsumer consumer);

  /**
   * @param encoding the encoding the file arrived in; empty for Parquet
   */
  record TableLayout(FileFormat format, char delimiter, Optional<TextEncoding> encoding) {
    /** A layout of a stored file, which is UTF-8 when it is CSV. */
    public TableLayout(FileFormat format, char delimiter) {
      this(format, delimiter, format == FileFormat.CSV ? Optional.of(TextEncoding.UTF_8) : Optional.empty());
    }

    /** The layout of a stored dataset's file. */
    public static TableLayout of(StoredFile file) {
      return new TableLayout(file.format(), file.delimiter());
    }
  }

  /** An upload being watched; {@link #bytes()} is what to store. */
  interface WatchedUpload {
    InputStream bytes();
  }

  interface RowConsumer {
    void header(List<String> columnNames);

    /**
     * @param values one cell per column as text; null for a Parquet null (CSV null tokens arrive
     *     as written)
     * @return false to stop reading
     */
    boolean row(String[] values);
  }
}
