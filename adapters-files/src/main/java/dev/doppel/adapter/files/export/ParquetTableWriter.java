package dev.doppel.adapter.files.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Parquet with a typed schema, every column optional: integer {@code INT64}, float {@code DOUBLE},
 * boolean {@code BOOLEAN}, datetime {@code INT64 TIMESTAMP(MICROS, isAdjustedToUTC=false)} (the
 * values are wall-clock times without a zone), date-only layouts {@code INT32 DATE}, id,
 * categorical and text {@code BINARY STRING}. Pages are Snappy-compressed in pure Java.
 *
 * <p>Written with parquet-hadoop straight into the caller's stream through {@link
 * StreamOutputFile}; memory is bounded by one row group (at most {@value #ROW_GROUP_BYTES} bytes
 * or {@value #ROW_GROUP_ROWS} rows, well within a 256 MB heap) whatever the number of rows. A cell that does not fit its column's type
 * cannot be stored in a typed column, so the export fails naming the column and the row.
 */
final class ParquetTableWriter implements TableWriter {
  static final int ROW_GROUP_BYTES = 16 * 1024 * 1024;
  static final int PAGE_BYTES = 1024 * 1024;
  /**
   * Parquet leaves nothing until a row group is complete, and a compressible table may fit its
   * whole length in one group's byte budget: the row limit keeps bytes flowing during the download.
   */
  static final int ROW_GROUP_ROWS = 100_000;

  private final OutputStream out;
  private ExportColumn[] columns;
  private ParquetWriter<Object[]> writer;

  ParquetTableWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void begin(List<ExportColumn> columns) throws IOException {
    this.columns = columns.toArray(new ExportColumn[0]);
    Types.MessageTypeBuilder schema = Types.buildMessage();
    for (ExportColumn column : this.columns) {
      switch (column.kind()) {
        case INTEGER -> schema.optional(PrimitiveTypeName.INT64).named(column.name());
        case FLOAT -> schema.optional(PrimitiveTypeName.DOUBLE).named(column.name());
        case BOOLEAN -> schema.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
        case DATETIME ->
            schema
                .optional(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
                .named(column.name());
        case DATE -> schema.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(column.name());
        case TEXT -> schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column.name());
      }
    }
    StreamOutputFile file = new StreamOutputFile(out);
    writer =
        new Builder(file, new RowWriteSupport(schema.named("table"), this.columns))
            .withConf(new PlainParquetConfiguration())
            .withCodecFactory(SnappyPageCompression.INSTANCE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize((long) ROW_GROUP_BYTES)
            .withRowGroupRowCountLimit(ROW_GROUP_ROWS)
            .withPageSize(PAGE_BYTES)
            .withDictionaryPageSize(PAGE_BYTES)
            .build();
    file.flush(); // the magic bytes leave at once, so the download starts before the first row group
  }

  @Override
  public void row(String[] raw, Object[] typed, long row) throws IOException {
    for (int i = 0; i < typed.length; i++) {
      if (typed[i] instanceof Mismatch mismatch) {
        throw mismatch.refusal(columns[i], row, "Parquet");
      }
    }
    writer.write(typed);
  }

  @Override
  public void finish() throws IOException {
    writer.close(); // writes the footer; StreamOutputFile flushes and leaves the caller's stream open
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }

  /** Sends a typed row's values to Parquet's record consumer, skipping nulls (optional fields). */
  private static final class RowWriteSupport extends WriteSupport<Object[]> {
    private final MessageType schema;
    private final ExportColumn[] columns;
    private RecordConsumer consumer;

    RowWriteSupport(MessageType schema, ExportColumn[] columns) {
      this.schema = schema;
      this.columns = columns;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
      consumer.startMessage();
      for (int i = 0; i < columns.length; i++) {
        Object value = row[i];
        if (value == null) {
          continue;
        }
        String name = columns[i].name();
        consumer.startField(name, i);
        switch (columns[i].kind()) {
          case INTEGER -> consumer.addLong((Long) value);
          case FLOAT -> consumer.addDouble((Double) value);
          case BOOLEAN -> consumer.addBoolean((Boolean) value);
          case DATETIME -> consumer.addLong(micros((LocalDateTime) value));
          case DATE -> consumer.addInteger((int) ((LocalDate) value).toEpochDay());
          case TEXT -> consumer.addBinary(Binary.fromString((String) value));
        }
        consumer.endField(name, i);
      }
      consumer.endMessage();
    }

    private static long micros(LocalDateTime time) {
      return Math.addExact(Math.multiplyExact(time.toEpochSecond(ZoneOffset.UTC), 1_000_000L), time.getNano() / 1_000);
    }
  }
}
