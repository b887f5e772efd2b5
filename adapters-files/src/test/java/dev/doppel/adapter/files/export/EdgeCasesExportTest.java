package dev.doppel.adapter.files.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeCasesExportTest {
  private static final List<ColumnSchema> TWO_COLUMNS =
      List.of(new ColumnSchema("id", ColumnType.INTEGER, Optional.empty()), new ColumnSchema("name", ColumnType.TEXT, Optional.empty()));

  @TempDir Path dir;
  private ExportFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ExportFixture(dir.resolve("files"));
  }

  private String export(String csv, List<ColumnSchema> schema, ExportFormat format) {
    String key = fixture.put(csv.getBytes(StandardCharsets.UTF_8));
    return new String(fixture.export(key, ExportFixture.CSV, schema, format, ExportOptions.DEFAULT), StandardCharsets.UTF_8);
  }

  @Test
  void emptyTableGivesAHeaderOnlyCsvAnEmptyJsonArrayAndNoJsonLines() {
    assertThat(export("id,name\n", TWO_COLUMNS, ExportFormat.CSV)).isEqualTo("id,name\r\n");
    assertThat(export("id,name\n", TWO_COLUMNS, ExportFormat.JSON)).isEqualTo("[]\n");
    assertThat(export("id,name\n", TWO_COLUMNS, ExportFormat.JSONL)).isEmpty();
  }

  @Test
  void emptyTableGivesAReadableParquetFileWithTheSchemaAndNoRows() {
    String key = fixture.put("id,name\n".getBytes(StandardCharsets.UTF_8));
    String stored = fixture.put(fixture.export(key, ExportFixture.CSV, TWO_COLUMNS, ExportFormat.PARQUET, ExportOptions.DEFAULT));

    ExportFixture.Table table = fixture.read(stored, fixture.detect(stored));

    assertThat(table.header).containsExactly("id", "name");
    assertThat(table.rows).isEmpty();
  }

  @Test
  void jsonArraySeparatesObjectsWithCommaAndLineBreak() {
    assertThat(export("id,name\n1,a\n2,b\n", TWO_COLUMNS, ExportFormat.JSON))
        .isEqualTo("[\n{\"id\":1,\"name\":\"a\"},\n{\"id\":2,\"name\":\"b\"}\n]\n");
  }

  @Test
  void csvOfOneColumnQuotesNullsSoTheyAreNotBlankLines() {
    List<ColumnSchema> schema = List.of(new ColumnSchema("name", ColumnType.TEXT, Optional.empty()));

    String csv = export("name\na\nNA\nb\n", schema, ExportFormat.CSV);
    ExportFixture.Table table = fixture.read(fixture.put(csv.getBytes(StandardCharsets.UTF_8)), ExportFixture.CSV);

    assertThat(csv).isEqualTo("name\r\na\r\n\"\"\r\nb\r\n");
    assertThat(table.rows).extracting(row -> row[0]).containsExactly("a", "", "b");
  }

  @Test
  void floatsThatAreNotFiniteBecomeNullAndIntegralFloatsKeepTheirPoint() {
    List<ColumnSchema> schema = List.of(new ColumnSchema("x", ColumnType.FLOAT, Optional.empty()));

    String json = export("x\n181\nNaN\n-inf\nInfinity\n1e400\n0.1\n", schema, ExportFormat.JSONL);

    assertThat(json).isEqualTo("{\"x\":181.0}\n{\"x\":null}\n{\"x\":null}\n{\"x\":null}\n{\"x\":null}\n{\"x\":0.1}\n");
  }

  @Test
  void booleanTokensOfAnyCaseBecomeBooleans() {
    List<ColumnSchema> schema = List.of(new ColumnSchema("b", ColumnType.BOOLEAN, Optional.empty()));

    String json = export("b\nTRUE\nno\nY\nf\n1\n0\nYes\n", schema, ExportFormat.JSONL);

    assertThat(json.lines()).containsExactly(
        "{\"b\":true}", "{\"b\":false}", "{\"b\":true}", "{\"b\":false}", "{\"b\":true}", "{\"b\":false}", "{\"b\":true}");
  }

  @Test
  void csvWritesBooleansAsSpelledInTheSourceWhileJsonTypesThem() {
    List<ColumnSchema> schema = List.of(new ColumnSchema("records", ColumnType.BOOLEAN, Optional.empty()));
    String source = "records\nno\nyes\nNo\n";

    assertThat(export(source, schema, ExportFormat.CSV)).isEqualTo("records\r\nno\r\nyes\r\nNo\r\n");
    assertThat(export(source, schema, ExportFormat.JSONL).lines())
        .containsExactly("{\"records\":false}", "{\"records\":true}", "{\"records\":false}");
  }

  @Test
  void csvWritesDatetimesInTheSourceLayoutWhileJsonWritesIso() {
    List<ColumnSchema> schema = List.of(new ColumnSchema("day", ColumnType.DATETIME, Optional.of("%d/%m/%Y %H:%M")));
    String source = "day\n23/03/2019 20:21\n04/03/2019 16:11\n";

    assertThat(export(source, schema, ExportFormat.CSV)).isEqualTo("day\r\n23/03/2019 20:21\r\n04/03/2019 16:11\r\n");
    assertThat(export(source, schema, ExportFormat.JSONL).lines())
        .containsExactly("{\"day\":\"2019-03-23T20:21:00\"}", "{\"day\":\"2019-03-04T16:11:00\"}");
  }

  @Test
  void parquetSchemaIsTypedOptionalAndSnappyCompressed() throws IOException {
    String key = fixture.put(HostileTable.csv());
    Path file = dir.resolve("out.parquet");
    Files.write(file, fixture.export(key, ExportFixture.CSV, HostileTable.SCHEMA, ExportFormat.PARQUET, ExportOptions.DEFAULT));

    ParquetMetadata footer;
    try (ParquetFileReader reader =
        ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
      footer = reader.getFooter();
    }
    MessageType schema = footer.getFileMetaData().getSchema();

    assertThat(schema.getFields()).allSatisfy(field -> assertThat(field.isRepetition(Type.Repetition.OPTIONAL)).isTrue());
    assertThat(schema.getFields().stream().map(f -> f.asPrimitiveType().getPrimitiveTypeName()).toList())
        .containsExactly(PrimitiveTypeName.INT64, PrimitiveTypeName.DOUBLE, PrimitiveTypeName.BOOLEAN, PrimitiveTypeName.INT64, PrimitiveTypeName.INT32,
            PrimitiveTypeName.INT64, PrimitiveTypeName.BINARY, PrimitiveTypeName.BINARY);
    LogicalTypeAnnotation timestamp = LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS);
    assertThat(Arrays.asList(schema.getFields().stream().map(Type::getLogicalTypeAnnotation).toArray()))
        .containsExactly(null, null, null, timestamp, LogicalTypeAnnotation.dateType(), timestamp, LogicalTypeAnnotation.stringType(),
            LogicalTypeAnnotation.stringType());
    assertThat(schema.getFieldName(7)).isEqualTo(HostileTable.NOTE);
    assertThat(footer.getBlocks().get(0).getColumns()).allSatisfy(c -> assertThat(c.getCodec()).isEqualTo(CompressionCodecName.SNAPPY));
  }
}
