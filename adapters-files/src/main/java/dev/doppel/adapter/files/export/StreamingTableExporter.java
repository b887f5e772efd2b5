package dev.doppel.adapter.files.export;

import dev.doppel.application.port.out.ExternalDatabases.RowSource;
import dev.doppel.application.port.out.ExternalDatabases.TableToWrite;
import dev.doppel.application.port.out.ExternalDatabases.WritePlan;
import dev.doppel.application.port.out.TableExporter;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.application.port.out.TableReader.RowConsumer;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Exports a stored table row by row as it is read, so memory stays flat whatever its size and the
 * first bytes leave as soon as the first rows are read. Each cell is typed by its column's schema
 * (see {@link ExportColumn}) and handed to the format's writer: {@link CsvTableWriter}, {@link
 * JsonTableWriter} (array or lines), {@link SqlTableWriter} or {@link ParquetTableWriter}; several
 * linked tables also go into one SQL script.
 *
 * <p>The stored file's header must name the schema's columns in order; the types are matched by
 * position, so a mismatch is refused rather than guessed at.
 */
public final class StreamingTableExporter implements TableExporter {
  private final TableReader reader;

  public StreamingTableExporter(TableReader reader) {
    this.reader = reader;
  }

  @Override
  public void export(String key, TableLayout layout, List<ColumnSchema> columns, ExportFormat format, ExportOptions options, OutputStream out) {
    Objects.requireNonNull(out, "out");
    List<ExportColumn> exportColumns = columns.stream().map(ExportColumn::of).toList();
    write("the table stored under " + key, consumer -> reader.read(key, layout, consumer), exportColumns, writer(format, options, out), format);
  }

  /** The tables come from their row sources; the script itself is {@link SqlDatabaseScript}'s, the rows {@link SqlTableWriter}'s. */
  @Override
  public void exportScript(WritePlan plan, SqlDialect dialect, OutputStream out) {
    Objects.requireNonNull(out, "out");
    SqlDatabaseScript script = new SqlDatabaseScript(plan.tables(), dialect);
    try {
      script.writeSchema(out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the sql export", e);
    }
    for (TableToWrite table : plan.tables()) {
      write("table " + table.name(), table.rows(), SqlDatabaseScript.exportColumns(table), SqlTableWriter.insertsInto(out, dialect, table.name()), ExportFormat.SQL);
    }
  }

  private static void write(String table, RowSource source, List<ExportColumn> columns, TableWriter writer, ExportFormat format) {
    Rows rows = new Rows(columns, writer);
    source.sendTo(rows);
    if (!rows.begun) {
      throw new IllegalStateException(table + " has no header");
    }
    try {
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the " + format.extension() + " export", e);
    }
  }

  private static TableWriter writer(ExportFormat format, ExportOptions options, OutputStream out) {
    return switch (format) {
      case CSV -> new CsvTableWriter(out, options.delimiter(), options.neutraliseFormulas());
      case JSON -> new JsonTableWriter(out, false);
      case JSONL -> new JsonTableWriter(out, true);
      case SQL -> new SqlTableWriter(out, options.dialect(), options.tableName());
      case PARQUET -> new ParquetTableWriter(out);
    };
  }

  /** Types each row into one reused array and passes it on. */
  private static final class Rows implements RowConsumer {
    private final List<ExportColumn> columns;
    private final ExportColumn[] byIndex;
    private final TableWriter writer;
    private final Object[] typed;
    private boolean begun;
    private long row;

    Rows(List<ExportColumn> columns, TableWriter writer) {
      this.columns = columns;
      this.byIndex = columns.toArray(new ExportColumn[0]);
      this.writer = writer;
      this.typed = new Object[byIndex.length];
    }

    @Override
    public void header(List<String> names) {
      List<String> expected = columns.stream().map(ExportColumn::name).toList();
      if (!names.equals(expected)) {
        throw new IllegalStateException("the stored table's columns " + names + " are not the schema's columns " + expected);
      }
      try {
        writer.begin(columns);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the export", e);
      }
      begun = true;
    }

    @Override
    public boolean row(String[] values) {
      row++;
      for (int i = 0; i < byIndex.length; i++) {
        typed[i] = byIndex[i].typed(values[i]);
      }
      try {
        writer.row(values, typed, row);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the export", e);
      }
      return true;
    }
  }
}
