package dev.doppel.application.port.out;

import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import java.io.OutputStream;
import java.util.List;

/** Converts a stored table into a download format while streaming, never holding it in memory. */
public interface TableExporter {
  /**
   * Writes the table at {@code key} to {@code out}, typing each value by {@code columns} (which
   * name every column of the stored file, in order). Does not close {@code out}.
   */
  void export(String key, TableLayout layout, List<ColumnSchema> columns, ExportFormat format, ExportOptions options, OutputStream out);
}
