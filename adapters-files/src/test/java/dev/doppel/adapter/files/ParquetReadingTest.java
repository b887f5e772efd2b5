package dev.doppel.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.in.PayloadTooLargeException;
import dev.doppel.application.port.out.TableReader.RowConsumer;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.DatasetProfile;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.dataset.profile.TableProfiler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetReadingTest {
  private static final MessageType ALL_TYPES =
      MessageTypeParser.parseMessageType(
          """
          message all_types {
            required int32 id;
            optional int32 small (INTEGER(16,true));
            optional int64 big;
            optional int64 unsigned_big (INTEGER(64,false));
            optional float length_cm;
            optional double mass_g;
            optional boolean flag;
            optional binary name (STRING);
            optional fixed_len_byte_array(3) code;
            optional int32 day (DATE);
            optional int64 at_millis (TIMESTAMP(MILLIS,true));
            optional int64 at_micros (TIMESTAMP(MICROS,true));
            optional int64 at_nanos (TIMESTAMP(NANOS,false));
            optional int32 price (DECIMAL(9,2));
            optional int64 rate (DECIMAL(18,4));
            optional fixed_len_byte_array(16) huge (DECIMAL(38,10));
            optional binary balance (DECIMAL(20,3));
            optional int96 legacy_at;
            optional fixed_len_byte_array(16) token (UUID);
          }
          """);

  @TempDir Path dir;
  private TableFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new TableFixture(dir.resolve("files"));
  }

  @ParameterizedTest
  @EnumSource(
      value = CompressionCodecName.class,
      names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
  void roundTripsEveryFlatTypeWithNulls(CompressionCodecName codec) throws IOException {
    UUID token = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    String key =
        write(
            ALL_TYPES,
            codec,
            Integer.MAX_VALUE,
            rows -> {
              SimpleGroupFactory groups = new SimpleGroupFactory(ALL_TYPES);
              Group full = groups.newGroup();
              full.add("id", 1);
              full.add("small", -7);
              full.add("big", 9_007_199_254_740_993L);
              full.add("unsigned_big", -1L);
              full.add("length_cm", 39.1f);
              full.add("mass_g", 181.0d);
              full.add("flag", true);
              full.add("name", "Zoë \"the\", first");
              full.add("code", Binary.fromString("abc"));
              full.add("day", (int) LocalDate.of(2024, 2, 29).toEpochDay());
              full.add("at_millis", Instant.parse("2019-03-23T20:21:09.123Z").toEpochMilli());
              full.add("at_micros", Instant.parse("2019-03-23T20:21:09Z").getEpochSecond() * 1_000_000);
              full.add("at_nanos", -1L);
              full.add("price", 12345);
              full.add("rate", -5L);
              full.add("huge", Binary.fromConstantByteArray(twosComplement(new BigInteger("123456789012345678901234567890"), 16)));
              full.add("balance", Binary.fromConstantByteArray(new BigInteger("-1234567").toByteArray()));
              full.add("legacy_at", int96(Instant.parse("2020-01-01T12:00:00Z")));
              full.add("token", Binary.fromConstantByteArray(uuidBytes(token)));
              rows.accept(full);

              Group empty = groups.newGroup();
              empty.add("id", 2);
              rows.accept(empty);

              Group other = groups.newGroup();
              other.add("id", 3);
              other.add("at_millis", Instant.parse("2019-03-24T00:00:00Z").toEpochMilli());
              other.add("flag", false);
              other.add("day", (int) LocalDate.of(1969, 12, 31).toEpochDay());
              rows.accept(other);
            });

    assertThat(fixture.detect(key)).isEqualTo(new TableLayout(FileFormat.PARQUET, ','));
    TableFixture.Table table = fixture.read(key);

    assertThat(table.header)
        .containsExactly(
            "id", "small", "big", "unsigned_big", "length_cm", "mass_g", "flag", "name", "code", "day", "at_millis", "at_micros",
            "at_nanos", "price", "rate", "huge", "balance", "legacy_at", "token");
    assertThat(table.rows.get(0))
        .containsExactly(
            "1", "-7", "9007199254740993", "18446744073709551615", "39.1", "181.0", "true", "Zoë \"the\", first", "abc", "2024-02-29",
            "2019-03-23 20:21:09.123000", "2019-03-23 20:21:09", "1969-12-31 23:59:59.999999", "123.45", "-0.0005",
            "12345678901234567890.1234567890", "-1234.567", "2020-01-01 12:00:00", token.toString());
    assertThat(table.rows.get(1)).containsExactly("2", null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
    assertThat(table.rows.get(2).subList(0, 11))
        .containsExactly("3", null, null, null, null, null, "false", null, null, "1969-12-31", "2019-03-24 00:00:00.000000");
  }

  @Test
  void readsDictionaryEncodedColumnsAcrossManyRowGroups() throws IOException {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message t { required int64 n; optional binary species (STRING); optional double x; optional int64 at (TIMESTAMP(MICROS,true)); }");
    String[] species = {"Adelie", "Gentoo", "Chinstrap"};
    int rowCount = 50_000;
    String key =
        write(
            schema,
            CompressionCodecName.SNAPPY,
            64 * 1024,
            rows -> {
              SimpleGroupFactory groups = new SimpleGroupFactory(schema);
              for (int i = 0; i < rowCount; i++) {
                Group g = groups.newGroup().append("n", (long) i);
                if (i % 10 != 0) {
                  g.append("species", species[i % 3]);
                }
                g.append("x", i / 4.0);
                g.append("at", 1_553_372_469_000_000L + i * 1_000_000L + (i == rowCount - 1 ? 5 : 0));
                rows.accept(g);
              }
            });

    TableFixture.Table table = fixture.read(key);

    assertThat(table.rows).hasSize(rowCount);
    assertThat(table.rows.get(1)).containsExactly("1", "Gentoo", "0.25", "2019-03-23 20:21:10.000000");
    assertThat(table.rows.get(10).get(1)).isNull();
    assertThat(table.rows.get(rowCount - 1)).containsExactly("49999", "Gentoo", "12499.75", "2019-03-24 10:14:28.000005");
  }

  @Test
  void parquetTimestampsProfileAsDatetimesWithOneLayoutPerColumn() throws IOException {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message t { optional int64 whole (TIMESTAMP(MICROS,true)); optional int64 fine (TIMESTAMP(MILLIS,true));"
                + " optional int32 day (DATE); optional binary species (STRING); optional double mass; }");
    String key =
        write(
            schema,
            CompressionCodecName.SNAPPY,
            Integer.MAX_VALUE,
            rows -> {
              SimpleGroupFactory groups = new SimpleGroupFactory(schema);
              for (int i = 0; i < 1000; i++) {
                Group g = groups.newGroup()
                    .append("whole", 1_553_372_469_000_000L + i * 60_000_000L)
                    .append("fine", 1_553_372_469_000L + i * (i % 7 == 0 ? 1000L : 1L))
                    .append("day", 17_000 + i)
                    .append("mass", 3000 + i * 0.5);
                if (i % 5 != 0) {
                  g.append("species", i % 2 == 0 ? "Adelie" : "Gentoo");
                }
                rows.accept(g);
              }
            });
    TableProfiler[] profiler = new TableProfiler[1];
    fixture.reader.read(
        key,
        fixture.detect(key),
        new RowConsumer() {
          @Override
          public void header(java.util.List<String> columnNames) {
            profiler[0] = new TableProfiler(columnNames, ProfilingLimits.DEFAULT, Map.of());
          }

          @Override
          public boolean row(String[] values) {
            profiler[0].accept(values);
            return true;
          }
        });
    DatasetProfile profile = profiler[0].finish();

    assertThat(profile.column("whole").orElseThrow().datetimeFormat()).contains("%Y-%m-%d %H:%M:%S");
    assertThat(profile.column("fine").orElseThrow().datetimeFormat()).contains("%Y-%m-%d %H:%M:%S.%f");
    assertThat(profile.column("day").orElseThrow().datetimeFormat()).contains("%Y-%m-%d");
    assertThat(profile.column("species").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(profile.column("species").orElseThrow().nullCount()).isEqualTo(200);
    assertThat(profile.column("mass").orElseThrow().type()).isEqualTo(ColumnType.FLOAT);
  }

  @Test
  void rejectsNestedColumns() throws IOException {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message t { required int32 id; optional group tags (LIST) { repeated group list { optional binary element (STRING); } } }");
    String key = write(schema, CompressionCodecName.UNCOMPRESSED, Integer.MAX_VALUE, rows -> rows.accept(new SimpleGroupFactory(schema).newGroup().append("id", 1)));

    assertThatThrownBy(() -> fixture.read(key))
        .isInstanceOf(InvalidTableException.class)
        .hasMessage("column 'tags' is nested (a list); only flat tables are supported");
  }

  @Test
  void rejectsRepeatedColumns() throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("message t { required int32 id; repeated int32 scores; }");
    String key = write(schema, CompressionCodecName.UNCOMPRESSED, Integer.MAX_VALUE, rows -> rows.accept(new SimpleGroupFactory(schema).newGroup().append("id", 1)));

    assertThatThrownBy(() -> fixture.read(key))
        .isInstanceOf(InvalidTableException.class)
        .hasMessage("column 'scores' is nested (a repeated field); only flat tables are supported");
  }

  @Test
  void rejectsTruncatedParquet() throws IOException {
    String whole = smallFile();
    byte[] bytes = Files.readAllBytes(fixture.store.locate(whole));
    String key = fixture.put(Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> fixture.detect(key)).isInstanceOf(InvalidTableException.class).hasMessage("the Parquet file is truncated");
    assertThatThrownBy(() -> fixture.read(key, new TableLayout(FileFormat.PARQUET, ',')))
        .isInstanceOf(InvalidTableException.class)
        .hasMessage("the Parquet file is truncated");
  }

  @Test
  void refusesAColumnChunkDeclaredBeyondTheFileBeforeReadingIt() throws IOException {
    byte[] bytes = Files.readAllBytes(fixture.store.locate(smallFile()));
    String key = fixture.put(withFooter(bytes, footer -> footer.getRow_groups().get(0).getColumns().get(1).getMeta_data().setTotal_compressed_size(1L << 40)));

    assertThatThrownBy(() -> fixture.read(key))
        .isInstanceOf(InvalidTableException.class)
        .hasMessageStartingWith("the Parquet file is corrupt: column 'name' of row group 1 declares 1099511627776 bytes at byte ");
  }

  @Test
  void refusesAFooterLongerThanTheFile() throws IOException {
    byte[] bytes = Files.readAllBytes(fixture.store.locate(smallFile()));
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 8, Integer.MAX_VALUE);
    String key = fixture.put(bytes);

    assertThatThrownBy(() -> fixture.read(key))
        .isInstanceOf(InvalidTableException.class)
        .hasMessage("the Parquet file is corrupt: its footer declares 2147483647 bytes but the file holds " + bytes.length);
  }

  @Test
  void refusesARowGroupLargerThanTheLimit() throws IOException {
    String key = smallFile();
    StreamingTableReader reader = new StreamingTableReader(fixture.store, new ReadingLimits(500, 1000, 256, 10_000, 1000));

    assertThatThrownBy(() -> reader.read(key, new TableLayout(FileFormat.PARQUET, ','), new TableFixture.Table()))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessageMatching("row group 1 of the Parquet file takes \\d+ bytes; the limit is 1000 \\(write it with smaller row groups\\)");
  }

  @Test
  void refusesAPageDeclaringMoreThanTheLimitBeforeAllocatingIt() {
    var decompressor = new PlainCodecFactory(1000).getDecompressor(CompressionCodecName.SNAPPY);

    assertThatThrownBy(() -> decompressor.decompress(BytesInput.from(new byte[10]), Integer.MAX_VALUE))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("the Parquet file has a page of 2147483647 bytes; the limit is 1000 (write it with smaller pages)");
  }

  @Test
  void refusesADictionaryDeclaringMoreEntriesThanItsBytesHold() {
    ColumnDescriptor column = new ColumnDescriptor(new String[] {"id"}, Types.required(PrimitiveTypeName.INT32).named("id"), 0, 0);
    DictionaryPage hostile = new DictionaryPage(BytesInput.from(new byte[8]), Integer.MAX_VALUE, Encoding.PLAIN_DICTIONARY);
    PageReadStore pages = ParquetBounds.checked(new PageReadStore() {
      @Override
      public PageReader getPageReader(ColumnDescriptor descriptor) {
        return new PageReader() {
          @Override
          public DictionaryPage readDictionaryPage() {
            return hostile;
          }

          @Override
          public long getTotalValueCount() {
            return 1;
          }

          @Override
          public DataPage readPage() {
            return null;
          }
        };
      }

      @Override
      public long getRowCount() {
        return 1;
      }
    });

    assertThatThrownBy(() -> pages.getPageReader(column).readDictionaryPage())
        .isInstanceOf(InvalidTableException.class)
        .hasMessage("the Parquet file is corrupt: column 'id' declares a dictionary of 2147483647 entries in 8 bytes");
  }

  @Test
  void refusesAValueLongerThanTheLimitNamingItsRowAndColumn() throws IOException {
    StreamingTableReader reader = new StreamingTableReader(fixture.store, new ReadingLimits(500, 8, 256, 10_000, 1L << 20));

    assertThatThrownBy(() -> reader.read(smallFile(), new TableLayout(FileFormat.PARQUET, ','), new TableFixture.Table()))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("row 1001, column 'name': a value is longer than the limit of 8 characters");
  }

  @Test
  void refusesAColumnNameLongerThanTheLimit() throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("message t { required int32 " + "n".repeat(257) + "; }");
    String key = write(schema, CompressionCodecName.UNCOMPRESSED, Integer.MAX_VALUE, rows -> rows.accept(new SimpleGroupFactory(schema).newGroup().append("n".repeat(257), 1)));

    assertThatThrownBy(() -> fixture.read(key)).isInstanceOf(InvalidTableException.class).hasMessage("column 1's name is longer than 256 characters");
  }

  /** The file with its footer changed by {@code change}, re-encoded in place. */
  private static byte[] withFooter(byte[] parquet, Consumer<FileMetaData> change) throws IOException {
    int footerLength = ByteBuffer.wrap(parquet).order(ByteOrder.LITTLE_ENDIAN).getInt(parquet.length - 8);
    int footerStart = parquet.length - 8 - footerLength;
    FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(parquet, footerStart, footerLength));
    change.accept(footer);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(parquet, 0, footerStart);
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, rewritten);
    rewritten.writeTo(file);
    file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(rewritten.size()).array());
    file.writeBytes(new byte[] {'P', 'A', 'R', '1'});
    return file.toByteArray();
  }

  @Test
  void rejectsCorruptParquetWithAShortReason() throws IOException {
    String whole = smallFile();
    byte[] bytes = Files.readAllBytes(fixture.store.locate(whole));
    // Scramble the data pages but keep both magic markers and the footer.
    for (int i = 4; i < bytes.length / 2; i++) {
      bytes[i] = (byte) (bytes[i] ^ 0x5a);
    }
    String key = fixture.put(bytes);

    assertThat(fixture.detect(key).format()).isEqualTo(FileFormat.PARQUET);
    assertThatThrownBy(() -> fixture.read(key))
        .isInstanceOf(InvalidTableException.class)
        .hasMessageStartingWith("the Parquet file could not be read: ")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
  }

  private String smallFile() throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("message t { required int32 id; optional binary name (STRING); }");
    return write(
        schema,
        CompressionCodecName.UNCOMPRESSED,
        Integer.MAX_VALUE,
        rows -> {
          SimpleGroupFactory groups = new SimpleGroupFactory(schema);
          for (int i = 0; i < 2000; i++) {
            rows.accept(groups.newGroup().append("id", i).append("name", "name " + i));
          }
        });
  }

  private interface Rows {
    void writeAll(Consumer<Group> rows) throws IOException;
  }

  private String write(MessageType schema, CompressionCodecName codec, int rowGroupBytes, Rows rows) throws IOException {
    Path file = dir.resolve("written-" + System.nanoTime() + ".parquet");
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .withCodecFactory(new WritingCodecs())
            .withCompressionCodec(codec)
            .withRowGroupSize(rowGroupBytes)
            .withPageSize(8 * 1024)
            .build()) {
      rows.writeAll(
          group -> {
            try {
              writer.write(group);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
    return fixture.put(Files.readAllBytes(file));
  }

  private static byte[] twosComplement(BigInteger value, int width) {
    byte[] minimal = value.toByteArray();
    byte[] padded = new byte[width];
    Arrays.fill(padded, value.signum() < 0 ? (byte) 0xff : 0);
    System.arraycopy(minimal, 0, padded, width - minimal.length, minimal.length);
    return padded;
  }

  private static Binary int96(Instant instant) {
    long epochDay = Math.floorDiv(instant.getEpochSecond(), 86_400);
    long nanosOfDay = Math.floorMod(instant.getEpochSecond(), 86_400) * 1_000_000_000L + instant.getNano();
    ByteBuffer buffer = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putLong(nanosOfDay).putInt((int) (epochDay + 2_440_588));
    return Binary.fromConstantByteArray(buffer.array());
  }

  private static byte[] uuidBytes(UUID uuid) {
    return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
  }
}
