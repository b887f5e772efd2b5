package dev.doppel.application.port.out;

import dev.doppel.domain.dataset.FileFormat;
import java.util.List;

/**
 * Reads stored tables as text cells, streaming, so memory stays flat whatever the file's size.
 * Problems a user can fix (binary content, a ragged row, an unclosed quote, invalid UTF-8) throw
 * {@link dev.doppel.domain.dataset.profile.InvalidTableException} with field {@code file} and a
 * message naming the line.
 */
public interface TableReader {
  /** Recognises CSV (and its delimiter) or Parquet from the file's bytes, not its name. */
  TableLayout detect(String key);

  /** Sends the header, then each row until the file ends or the consumer returns false. */
  void read(String key, TableLayout layout, RowConsumer consumer);

  record TableLayout(FileFormat format, char delimiter) {}

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
