package dev.doppel.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.application.port.out.TableReader.RowConsumer;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.DatasetProfile;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.dataset.profile.TableProfiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads the team's shared public datasets ({@code ../shared/datasets} beside the repository, or
 * {@code DOPPEL_DATASETS_DIR}) and profiles them with the domain's profiler.
 */
class SharedDatasetsTest {
  @TempDir Path dir;
  private TableFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new TableFixture(dir);
  }

  static Optional<Path> datasetsDir() {
    String override = System.getenv("DOPPEL_DATASETS_DIR");
    if (override != null && !override.isBlank()) {
      return Optional.of(Path.of(override));
    }
    // Surefire runs in the module folder; the repository root is one level up.
    for (Path candidate : List.of(Path.of("../../shared/datasets"), Path.of("../shared/datasets"))) {
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  private String store(String fileName) throws IOException {
    Optional<Path> datasets = datasetsDir();
    if (datasets.isEmpty()) {
      throw new AssertionError("shared datasets folder not found beside the repository (set DOPPEL_DATASETS_DIR)");
    }
    String key = "datasets/" + fileName.replace(".csv", "").replace('_', '-');
    try (InputStream in = Files.newInputStream(datasets.get().resolve(fileName))) {
      fixture.store.write(key, in, Long.MAX_VALUE);
    }
    return key;
  }

  @ParameterizedTest
  @CsvSource({"penguins.csv, 344, 8", "adult.csv, 32561, 15", "credit_data.csv, 4454, 15", "taxis.csv, 6433, 14"})
  void readsAllSharedDatasets(String fileName, int rows, int columns) throws IOException {
    String key = store(fileName);

    TableLayout layout = fixture.detect(key);
    TableFixture.Table table = fixture.read(key, layout);

    assertThat(layout).isEqualTo(new TableLayout(FileFormat.CSV, ','));
    assertThat(table.header).hasSize(columns);
    assertThat(table.rows).hasSize(rows).allSatisfy(row -> assertThat(row).hasSize(columns));
  }

  @Test
  void profilesTaxisPickupAndDropoffAsDatetimes() throws IOException {
    DatasetProfile profile = profile("taxis.csv");

    for (String column : List.of("pickup", "dropoff")) {
      ColumnProfile c = profile.column(column).orElseThrow();
      assertThat(c.type()).as(column).isEqualTo(ColumnType.DATETIME);
      assertThat(c.datetimeFormat()).as(column).contains("%Y-%m-%d %H:%M:%S");
    }
    assertThat(profile.column("payment").orElseThrow().nullCount()).isEqualTo(44);
    assertThat(profile.rowCount()).isEqualTo(6433);
  }

  @Test
  void profilesAdultAgeAsIntegerAndClassAsCategorical() throws IOException {
    DatasetProfile profile = profile("adult.csv");

    assertThat(profile.column("age").orElseThrow().type()).isEqualTo(ColumnType.INTEGER);
    assertThat(profile.column("class").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(profile.column("workclass").orElseThrow().nullCount()).isEqualTo(1836);
  }

  @Test
  void profilesPenguinsReadingNaAsNull() throws IOException {
    DatasetProfile profile = profile("penguins.csv");

    assertThat(profile.column("sex").orElseThrow().nullCount()).isEqualTo(11);
    assertThat(profile.column("species").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(profile.column("bill_length_mm").orElseThrow().nullCount()).isEqualTo(2);
  }

  @Test
  void profilesCreditDataRecordsAsBooleanAndRownamesAsId() throws IOException {
    DatasetProfile profile = profile("credit_data.csv");

    assertThat(profile.column("Records").orElseThrow().type()).isEqualTo(ColumnType.BOOLEAN);
    assertThat(profile.column("rownames").orElseThrow().type()).isEqualTo(ColumnType.ID);
    assertThat(profile.column("Income").orElseThrow().nullCount()).isEqualTo(381);
  }

  /** Every column's type as the datasets' README describes it. */
  @ParameterizedTest
  @CsvSource({
    "penguins.csv, species=CATEGORICAL island=CATEGORICAL bill_length_mm=FLOAT bill_depth_mm=FLOAT flipper_length_mm=INTEGER"
        + " body_mass_g=INTEGER sex=CATEGORICAL year=INTEGER",
    "adult.csv, age=INTEGER workclass=CATEGORICAL fnlwgt=INTEGER education=CATEGORICAL education_num=INTEGER"
        + " marital_status=CATEGORICAL occupation=CATEGORICAL relationship=CATEGORICAL race=CATEGORICAL sex=CATEGORICAL"
        + " capital_gain=INTEGER capital_loss=INTEGER hours_per_week=INTEGER native_country=CATEGORICAL class=CATEGORICAL",
    "credit_data.csv, rownames=ID Status=CATEGORICAL Seniority=INTEGER Home=CATEGORICAL Time=INTEGER Age=INTEGER"
        + " Marital=CATEGORICAL Records=BOOLEAN Job=CATEGORICAL Expenses=INTEGER Income=INTEGER Assets=INTEGER Debt=INTEGER"
        + " Amount=INTEGER Price=INTEGER",
    "taxis.csv, pickup=DATETIME dropoff=DATETIME passengers=INTEGER distance=FLOAT fare=FLOAT tip=FLOAT tolls=FLOAT"
        + " total=FLOAT color=CATEGORICAL payment=CATEGORICAL pickup_zone=CATEGORICAL dropoff_zone=CATEGORICAL"
        + " pickup_borough=CATEGORICAL dropoff_borough=CATEGORICAL"
  })
  void profilesEveryColumnAsTheReadmeDescribesIt(String fileName, String expectedTypes) throws IOException {
    DatasetProfile profile = profile(fileName);

    Map<String, ColumnType> expected = new java.util.LinkedHashMap<>();
    for (String pair : expectedTypes.trim().split("\\s+")) {
      String[] parts = pair.split("=");
      expected.put(parts[0], ColumnType.valueOf(parts[1]));
    }
    assertThat(profile.types()).isEqualTo(expected);
  }

  private DatasetProfile profile(String fileName) throws IOException {
    String key = store(fileName);
    TableLayout layout = fixture.detect(key);
    TableProfiler[] profiler = new TableProfiler[1];
    fixture.reader.read(
        key,
        layout,
        new RowConsumer() {
          @Override
          public void header(List<String> columnNames) {
            profiler[0] = new TableProfiler(columnNames, ProfilingLimits.DEFAULT, Map.of());
          }

          @Override
          public boolean row(String[] values) {
            profiler[0].accept(values);
            return true;
          }
        });
    return profiler[0].finish();
  }
}
