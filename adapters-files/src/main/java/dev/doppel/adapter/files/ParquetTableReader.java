package dev.doppel.adapter.files;

import dev.doppel.application.port.in.PayloadTooLargeException;
import dev.doppel.application.port.out.TableReader.RowConsumer;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads a flat Parquet file row group by row group, turning each value into canonical text. Memory
 * is bounded by one row group, whatever the number of groups, and every size the file declares is
 * checked before it is allocated ({@link ParquetBounds}). No Hadoop configuration or file system is
 * involved: the file is read through {@link LocalInputFile}.
 */
final class ParquetTableReader {
  private static final int MAX_REASON_CHARS = 200;

  private ParquetTableReader() {}

  static void read(Path file, ReadingLimits limits, RowConsumer consumer) {
    try {
      readChecked(file, limits, consumer);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // What the checks cannot see (such as a run length inside a page) may still ask for too much;
      // the failed allocation never happened, so the server is fine and the file is at fault.
      throw new InvalidTableException("file", "the Parquet file could not be read: it declares more data than it holds");
    }
  }

  private static void readChecked(Path file, ReadingLimits limits, RowConsumer consumer) {
    ParquetBounds bounds = ParquetBounds.of(file, limits);
    MessageType schema;
    List<ParquetColumn> columns;
    try (ParquetFileReader reader = open(file, bounds, limits)) {
      schema = reader.getFooter().getFileMetaData().getSchema();
      columns = new ArrayList<>();
      for (Type field : schema.getFields()) {
        columns.add(column(field, columns.size() + 1, limits));
      }
    } catch (IOException | RuntimeException e) {
      throw unreadable(e, file);
    }
    decideTimestampLayouts(file, bounds, limits, schema, columns);
    consumer.header(columns.stream().map(ParquetColumn::name).toList());

    try (ParquetFileReader reader = open(file, bounds, limits)) {
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      RowMaterializer materializer = new RowMaterializer(columns);
      long rowsBefore = 0;
      while (true) {
        PageReadStore rowGroup;
        RecordReader<String[]> records;
        try {
          rowGroup = reader.readNextRowGroup();
          if (rowGroup == null) {
            return;
          }
          records = io.getRecordReader(ParquetBounds.checked(rowGroup), materializer);
        } catch (IOException | RuntimeException e) {
          throw unreadable(e, file);
        }
        for (long i = 0, n = rowGroup.getRowCount(); i < n; i++) {
          String[] row;
          try {
            row = records.read();
          } catch (RuntimeException e) {
            throw unreadable(e, file);
          }
          checkLengths(row, rowsBefore + i + 1, columns, limits);
          if (!consumer.row(row)) {
            return;
          }
        }
        rowsBefore += rowGroup.getRowCount();
      }
    } catch (IOException e) {
      throw unreadable(e, file);
    }
  }

  /** The same limit on a value's length as in CSV; a page holding it is bounded on its own. */
  private static void checkLengths(String[] row, long rowNumber, List<ParquetColumn> columns, ReadingLimits limits) {
    for (int c = 0; c < row.length; c++) {
      if (row[c] != null && row[c].length() > limits.maxFieldChars()) {
        throw new PayloadTooLargeException(
            "file",
            "row " + rowNumber + ", column '" + columns.get(c).name() + "': a value is longer than the limit of " + limits.maxFieldChars()
                + " characters");
      }
    }
  }

  /** The column for the field at a 1-based position, within the limits on width and name length. */
  private static ParquetColumn column(Type field, int position, ReadingLimits limits) {
    if (position > limits.maxColumns()) {
      throw new PayloadTooLargeException("file", "the table has more than " + limits.maxColumns() + " columns; the limit is " + limits.maxColumns());
    }
    if (field.getName().length() > limits.maxColumnNameChars()) {
      throw new InvalidTableException(
          "file", "column " + position + "'s name is longer than " + limits.maxColumnNameChars() + " characters");
    }
    return ParquetColumn.of(field);
  }

  private static ParquetFileReader open(Path file, ParquetBounds bounds, ReadingLimits limits) throws IOException {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(new PlainCodecFactory(limits.maxParquetBlockBytes()))
            .build();
    ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options);
    try {
      bounds.check(reader.getFooter());
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
    return reader;
  }

  /**
   * A first pass over the timestamp columns only (Parquet stores columns apart, so this reads just
   * their bytes) to learn which of them hold sub-second values: those print six fraction digits on
   * every value, the others none, so that each column keeps a single layout.
   */
  private static void decideTimestampLayouts(
      Path file, ParquetBounds bounds, ReadingLimits limits, MessageType schema, List<ParquetColumn> columns) {
    List<Type> timestampFields = new ArrayList<>();
    List<ParquetColumn> timestampColumns = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).kind().isTimestamp()) {
        timestampFields.add(schema.getType(i));
        timestampColumns.add(columns.get(i));
      }
    }
    if (timestampColumns.isEmpty()) {
      return;
    }
    MessageType projection = new MessageType(schema.getName(), timestampFields);
    FractionProbe probe = new FractionProbe(timestampColumns);
    try (ParquetFileReader reader = open(file, bounds, limits)) {
      reader.setRequestedSchema(projection);
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection, schema);
      PageReadStore rowGroup;
      while (!probe.allFractional() && (rowGroup = reader.readNextRowGroup()) != null) {
        RecordReader<Object> records = io.getRecordReader(ParquetBounds.checked(rowGroup), probe);
        for (long i = 0, n = rowGroup.getRowCount(); i < n && !probe.allFractional(); i++) {
          records.read();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw unreadable(e, file);
    }
    for (int i = 0; i < timestampColumns.size(); i++) {
      timestampColumns.get(i).fractionalSeconds(probe.fractional[i]);
    }
  }

  private static RuntimeException unreadable(Exception e, Path file) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof InvalidTableException invalid) {
        return invalid;
      }
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    // The innermost message says what is actually wrong; the outer ones mostly say where. Thrift's
    // own words about the footer ("Socket is closed by peer") would only confuse.
    String reason = e.getClass().getSimpleName();
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      String message = cause.getMessage();
      if (cause.getClass().getName().contains("thrift") || message != null && message.contains("org.apache.parquet.format.")) {
        reason = "its metadata is corrupt";
        break;
      }
      if (message != null && !message.isBlank()) {
        reason = message;
      }
    }
    // Parquet names the file in its messages; the user knows which file they uploaded, and the
    // platform's folder layout is none of their business.
    reason = reason.replace(file.toAbsolutePath().toString(), "the file").replace(file.toString(), "the file");
    reason = reason.lines().findFirst().orElse(reason).strip();
    if (reason.length() > MAX_REASON_CHARS) {
      reason = reason.substring(0, MAX_REASON_CHARS - 3) + "...";
    }
    return new InvalidTableException("file", "the Parquet file could not be read: " + reason);
  }

  /** Builds each record as one {@code String[]} in column order, nulls where values are missing. */
  private static final class RowMaterializer extends RecordMaterializer<String[]> {
    private final int width;
    private final GroupConverter root;
    private String[] row;

    RowMaterializer(List<ParquetColumn> columns) {
      this.width = columns.size();
      Converter[] converters = new Converter[width];
      for (int i = 0; i < width; i++) {
        converters[i] = new CellConverter(columns.get(i), i);
      }
      this.root =
          new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
              return converters[fieldIndex];
            }

            @Override
            public void start() {
              row = new String[width];
            }

            @Override
            public void end() {}
          };
    }

    @Override
    public String[] getCurrentRecord() {
      return row;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }

    private final class CellConverter extends PrimitiveConverter {
      private final ParquetColumn column;
      private final int index;
      private Dictionary dictionary;
      private String[] dictionaryText;

      CellConverter(ParquetColumn column, int index) {
        this.column = column;
        this.index = index;
      }

      @Override
      public boolean hasDictionarySupport() {
        return true;
      }

      @Override
      public void setDictionary(Dictionary dictionary) {
        this.dictionary = dictionary;
        this.dictionaryText = new String[dictionary.getMaxId() + 1];
      }

      /** Each dictionary entry is turned into text once, on first use. */
      @Override
      public void addValueFromDictionary(int id) {
        String text = dictionaryText[id];
        if (text == null) {
          text = switch (column.kind()) {
            case INT32, UINT32, DATE, TIME_MILLIS -> column.ofInt(dictionary.decodeToInt(id));
            case INT64, UINT64, TIME_MICROS, TIME_NANOS, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, TIMESTAMP_NANOS ->
                column.ofLong(dictionary.decodeToLong(id));
            case FLOAT -> column.ofFloat(dictionary.decodeToFloat(id));
            case DOUBLE -> column.ofDouble(dictionary.decodeToDouble(id));
            case BOOLEAN -> column.ofBoolean(dictionary.decodeToBoolean(id));
            case DECIMAL -> decimalFromDictionary(id);
            case TEXT, BYTES, UUID, FLOAT16, INT96_TIMESTAMP -> column.ofBinary(dictionary.decodeToBinary(id));
          };
          dictionaryText[id] = text;
        }
        row[index] = text;
      }

      private String decimalFromDictionary(int id) {
        return switch (column.storage()) {
          case INT32 -> column.ofInt(dictionary.decodeToInt(id));
          case INT64 -> column.ofLong(dictionary.decodeToLong(id));
          default -> column.ofBinary(dictionary.decodeToBinary(id));
        };
      }

      @Override
      public void addInt(int value) {
        row[index] = column.ofInt(value);
      }

      @Override
      public void addLong(long value) {
        row[index] = column.ofLong(value);
      }

      @Override
      public void addFloat(float value) {
        row[index] = column.ofFloat(value);
      }

      @Override
      public void addDouble(double value) {
        row[index] = column.ofDouble(value);
      }

      @Override
      public void addBoolean(boolean value) {
        row[index] = column.ofBoolean(value);
      }

      @Override
      public void addBinary(Binary value) {
        row[index] = column.ofBinary(value);
      }
    }
  }

  /** Notes which timestamp columns hold a value with a sub-second part. */
  private static final class FractionProbe extends RecordMaterializer<Object> {
    private final boolean[] fractional;
    private int fractionalCount;
    private final GroupConverter root;

    FractionProbe(List<ParquetColumn> columns) {
      this.fractional = new boolean[columns.size()];
      Converter[] converters = new Converter[columns.size()];
      for (int i = 0; i < converters.length; i++) {
        ParquetColumn column = columns.get(i);
        int index = i;
        converters[i] =
            new PrimitiveConverter() {
              @Override
              public void addLong(long value) {
                if (column.hasFraction(value)) {
                  mark(index);
                }
              }

              @Override
              public void addBinary(Binary value) {
                if (column.hasFraction(value)) {
                  mark(index);
                }
              }
            };
      }
      this.root =
          new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
              return converters[fieldIndex];
            }

            @Override
            public void start() {}

            @Override
            public void end() {}
          };
    }

    private void mark(int index) {
      if (!fractional[index]) {
        fractional[index] = true;
        fractionalCount++;
      }
    }

    boolean allFractional() {
      return fractionalCount == fractional.length;
    }

    @Override
    public Object getCurrentRecord() {
      return Boolean.TRUE;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }
}
