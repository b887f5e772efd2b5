package dev.doppel.application.port.out;

import dev.doppel.application.port.out.ExternalDatabases.WritePlan;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.io.OutputStream;
import java.util.List;

/** Converts a stored table into a download format while streaming, never holding it in memory. */
public interface TableExporter {
  /**
   * Writes the table at {@code key} to {@code out}, typing each value by {@code columns} (which
   * name every column of the stored file, in order). Does not close {@code out}.
   */
  void export(String key, TableLayout layout, List<ColumnSchema> columns, ExportFormat format, ExportOptions options, OutputStream out);

  /**
   * Writes the plan's tables as one SQL script, streaming their rows: {@code CREATE TABLE}s with
   * the primary and foreign keys {@link ExternalDatabases#write} would create, then batched {@code
   * INSERT}s, both in the plan's order, which must put every table after the parents its foreign
   * keys point at. The script loads into an empty database with foreign-key checks on. Does not
   * close {@code out}.
   *
   * @throws IllegalArgumentException when a foreign key points at a table not before it in the
   *     plan, or a key names a column its table lacks
   */
  void exportScript(WritePlan plan, SqlDialect dialect, OutputStream out);
}
