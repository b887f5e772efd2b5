package dev.doppel.adapter.files.export;

import java.io.IOException;
import java.util.List;

/** Writes one export format, a row at a time, into a stream it does not own. */
interface TableWriter {
  void begin(List<ExportColumn> columns) throws IOException;

  /**
   * @param raw the cells as read
   * @param typed each cell as {@link ExportColumn#typed(String)} gives it
   * @param row the row's 1-based number among the data rows, for messages
   */
  void row(String[] raw, Object[] typed, long row) throws IOException;

  /** Ends the format and flushes everything written, without closing the stream. */
  void finish() throws IOException;
}
