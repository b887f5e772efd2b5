package dev.doppel.adapter.files.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every format round-trips every shared dataset, typed by the schema its profile gives. */
class SharedDatasetsExportTest {
  @TempDir Path dir;
  private ExportFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ExportFixture(dir);
  }

  private record Source(String key, List<ColumnSchema> schema, List<List<Object>> typed) {}

  private Source source(String fileName) {
    String key = fixture.putFile(ExportFixture.datasetsDir().resolve(fileName));
    TableLayout layout = fixture.detect(key);
    List<ColumnSchema> schema = fixture.profile(key, layout);
    return new Source(key, schema, fixture.typedSource(key, layout, schema));
  }

  @ParameterizedTest
  @ValueSource(strings = {"penguins.csv", "adult.csv", "credit_data.csv", "taxis.csv"})
  void csvExportReadsBackAsTheTypedSourceAndProfilesToTheSameTypes(String fileName) {
    Source source = source(fileName);

    byte[] csv = fixture.export(source.key, ExportFixture.CSV, source.schema, ExportFormat.CSV, ExportOptions.DEFAULT);
    String exported = fixture.put(csv);
    ExportFixture.Table table = fixture.read(exported, fixture.detect(exported));

    assertThat(table.header).isEqualTo(source.schema.stream().map(ColumnSchema::name).toList());
    assertThat(fixture.typedSource(exported, fixture.detect(exported), source.schema)).isEqualTo(source.typed);
    assertThat(fixture.profile(exported, ExportFixture.CSV).stream().map(ColumnSchema::type).toList())
        .isEqualTo(source.schema.stream().map(ColumnSchema::type).toList());
    assertThat(new String(csv, StandardCharsets.UTF_8)).contains("\r\n").doesNotContain("\n\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"penguins.csv", "adult.csv", "credit_data.csv", "taxis.csv"})
  void jsonArrayExportParsesToTheTypedSource(String fileName) {
    Source source = source(fileName);

    byte[] json = fixture.export(source.key, ExportFixture.CSV, source.schema, ExportFormat.JSON, ExportOptions.DEFAULT);

    assertThat(Readback.json(json, false, ExportFixture.columns(source.schema))).isEqualTo(source.typed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"penguins.csv", "adult.csv", "credit_data.csv", "taxis.csv"})
  void jsonLinesExportParsesToTheTypedSource(String fileName) {
    Source source = source(fileName);

    byte[] jsonl = fixture.export(source.key, ExportFixture.CSV, source.schema, ExportFormat.JSONL, ExportOptions.DEFAULT);

    assertThat(Readback.json(jsonl, true, ExportFixture.columns(source.schema))).isEqualTo(source.typed);
    assertThat(new String(jsonl, StandardCharsets.UTF_8).lines()).hasSize(source.typed.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"penguins.csv", "adult.csv", "credit_data.csv", "taxis.csv"})
  void parquetExportReadsBackWithTheParquetReaderAsTheTypedSource(String fileName) {
    Source source = source(fileName);

    byte[] parquet = fixture.export(source.key, ExportFixture.CSV, source.schema, ExportFormat.PARQUET, ExportOptions.DEFAULT);
    String exported = fixture.put(parquet);
    TableLayout layout = fixture.detect(exported);
    ExportFixture.Table table = fixture.read(exported, layout);

    assertThat(layout.format()).isEqualTo(FileFormat.PARQUET);
    assertThat(table.header).isEqualTo(source.schema.stream().map(ColumnSchema::name).toList());
    assertThat(fixture.typedExport(table, source.schema)).isEqualTo(source.typed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"penguins.csv", "adult.csv", "credit_data.csv", "taxis.csv"})
  void sqlExportLoadsIntoMariaDbWithEveryValueIntact(String fileName) {
    Source source = source(fileName);
    String table = fileName.replace(".csv", "");
    ExportOptions options = new ExportOptions(',', false, ExportOptions.SqlDialect.MYSQL, table);

    byte[] sql = fixture.export(source.key, ExportFixture.CSV, source.schema, ExportFormat.SQL, options);
    List<List<Object>> loaded = Readback.mariaDb(new String(sql, StandardCharsets.UTF_8), "export_" + table, table, ExportFixture.columns(source.schema));

    assertThat(loaded).hasSize(source.typed.size()).isEqualTo(source.typed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"taxis.csv"})
  void datetimeColumnsBecomeTypedValuesInEveryFormat(String fileName) {
    Source source = source(fileName);

    String json = new String(fixture.export(source.key, ExportFixture.CSV, source.schema, ExportFormat.JSONL, ExportOptions.DEFAULT), StandardCharsets.UTF_8);
    String sql = new String(fixture.export(source.key, ExportFixture.CSV, source.schema, ExportFormat.SQL, ExportOptions.DEFAULT), StandardCharsets.UTF_8);

    assertThat(source.schema.get(0).type()).isEqualTo(ColumnType.DATETIME);
    assertThat(json.lines().findFirst().orElseThrow())
        .startsWith("{\"pickup\":\"2019-03-23T20:21:09\",\"dropoff\":\"2019-03-23T20:27:24\",\"passengers\":1,\"distance\":1.6,\"fare\":7.0,");
    assertThat(sql).contains("`pickup` DATETIME(6), `dropoff` DATETIME(6), `passengers` BIGINT, `distance` DOUBLE")
        .contains("VALUES ('2019-03-23 20:21:09','2019-03-23 20:27:24',1,1.6,7.0,2.15,0.0,12.95,'yellow','credit card',");
  }
}
