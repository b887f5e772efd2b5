package dev.doppel.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.in.CreateProjectCommand;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.in.PayloadTooLargeException;
import dev.doppel.application.port.in.UploadDatasetCommand;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.user.UserId;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetServiceTest {
  private final InMemoryPorts ports = new InMemoryPorts();
  private final Clock clock = Clock.systemUTC();
  // No job runs in these tests, so the runner needs neither an engine nor an evaluation store.
  private final JobRunner jobs =
      new JobRunner(
          ports.datasetStore, ports.modelStore, ports.batchStore, null, null, null, null, ports.fileStore, null, clock, new JobSettings(1, 1, 10, Duration.ofSeconds(1)), new InMemoryJobLeases(), InMemoryJobLeases.ALONE,
          Runnable::run, Runnable::run, Runnable::run);
  private final JobStores databases = new JobStores();
  private final CascadingDeletion deletion =
      new CascadingDeletion(
          ports.projectStore, ports.datasetStore, ports.modelStore, ports.batchStore, databases.databaseModels, databases.databaseBatches, ports.fileStore, jobs, clock);
  private final ProjectService projects = new ProjectService(ports.projectStore, deletion, clock);
  private final DatasetService datasets = readingWith(ports.tableReader);
  private final UserId alice = new UserId(1);
  private final UserId bob = new UserId(2);
  private final Project project = projects.create(CreateProjectCommand.of(alice, "Census", ""));

  private DatasetService readingWith(TableReader tables) {
    return new DatasetService(
        ports.projectStore, ports.datasetStore, ports.fileStore, tables, clock,
        new UploadLimits(1_000, 3, 50, ProfilingLimits.DEFAULT), new Quotas(ports.usage, new QuotaSettings(10, 60)), deletion);
  }

  /** The in-memory reader's detection with {@code read} for reading. */
  private TableReader readingAs(TableRead read) {
    return new TableReader() {
      @Override
      public WatchedUpload watch(InputStream upload) {
        return ports.tableReader.watch(upload);
      }

      @Override
      public TableLayout detect(String key, WatchedUpload upload) {
        return ports.tableReader.detect(key, upload);
      }

      @Override
      public void read(String key, TableLayout layout, RowConsumer consumer) {
        read.read(key, layout, consumer);
      }
    };
  }

  private interface TableRead {
    void read(String key, TableLayout layout, TableReader.RowConsumer consumer);
  }

  private Dataset upload(UserId owner, String csv) {
    return datasets.upload(
        UploadDatasetCommand.of(owner, project.id(), null, "../../etc/table.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Map.of()));
  }

  @Test
  void storesTheFileUnderAServerChosenKeyAndKeepsTheClientNameOnlyForDisplay() {
    Dataset dataset = upload(alice, "age,city\n41,Oslo\n35,Bergen\n");
    assertThat(dataset.name().value()).isEqualTo("table.csv");
    assertThat(dataset.file().key()).startsWith("projects/" + project.id().value() + "/datasets/").doesNotContain("table");
    assertThat(dataset.profile().rowCount()).isEqualTo(2);
    assertThat(dataset.profile().column("age").orElseThrow().type()).isEqualTo(ColumnType.INTEGER);
  }

  @Test
  void leavesNoFileBehindWhenTheTableIsRejected() {
    assertThatThrownBy(() -> upload(alice, "age,age\n1,2\n")).isInstanceOf(InvalidTableException.class);
    assertThatThrownBy(() -> upload(alice, "age,city\n")).isInstanceOf(InvalidInputException.class).hasMessageContaining("no data rows");
    assertThatThrownBy(() -> upload(alice, "bin\0ary")).isInstanceOf(InvalidTableException.class);
    assertThatThrownBy(() -> upload(alice, "a,b,c,d\n1,2,3,4\n")).isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("4 columns");
    assertThatThrownBy(() -> upload(alice, "x\n" + "1\n".repeat(600))).isInstanceOf(PayloadTooLargeException.class);
    assertThat(ports.files).isEmpty();
    assertThat(ports.datasets).isEmpty();
  }

  @Test
  void leavesNoFileBehindWhenReadingTheTableFailsWithAnError() {
    DatasetService service =
        readingWith(
            readingAs(
                (key, layout, consumer) -> {
                  throw new StackOverflowError();
                }));

    assertThatThrownBy(
            () -> service.upload(UploadDatasetCommand.of(alice, project.id(), null, "t.csv", new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)), Map.of())))
        .isInstanceOf(StackOverflowError.class);
    assertThat(ports.files).isEmpty();
    assertThat(ports.datasets).isEmpty();
  }

  @Test
  void answersNotFoundForAnotherUsersProjectAndDataset() {
    assertThatThrownBy(() -> upload(bob, "a\n1\n")).isInstanceOf(NotFoundException.class);
    Dataset dataset = upload(alice, "a\n1\n");
    assertThatThrownBy(() -> datasets.get(bob, dataset.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> datasets.delete(bob, dataset.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> datasets.overrideColumnTypes(bob, dataset.id(), Map.of("a", ColumnType.FLOAT)))
        .isInstanceOf(NotFoundException.class);
    assertThat(ports.datasets).hasSize(1);
  }

  @Test
  void overridingATypeReprofilesSoTheStatisticsFollow() {
    Dataset dataset = upload(alice, "zip,n\n99999,2\n01234,1\n");
    assertThat(dataset.profile().column("zip").orElseThrow().numeric()).isPresent();
    Dataset changed = datasets.overrideColumnTypes(alice, dataset.id(), Map.of("zip", ColumnType.CATEGORICAL));
    assertThat(changed.profile().column("zip").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(changed.profile().column("zip").orElseThrow().numeric()).isEmpty();
    assertThat(datasets.preview(alice, dataset.id(), 1).rows().get(0)).containsExactly("99999", 2L);
  }

  @Test
  void anUploadWithChosenTypesReadsTheStoredTableOnceAndProfilesItAsAnOverrideWould() {
    Map<String, Integer> reads = new java.util.HashMap<>();
    DatasetService service =
        readingWith(
            readingAs(
                (key, layout, consumer) -> {
                  reads.merge(key, 1, Integer::sum);
                  ports.tableReader.read(key, layout, consumer);
                }));
    String csv = "zip,n\n99999,2\n01234,1\n";

    Dataset typed =
        service.upload(
            UploadDatasetCommand.of(
                alice, project.id(), null, "t.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Map.of("zip", ColumnType.CATEGORICAL)));

    assertThat(reads).containsExactly(Map.entry(typed.file().key(), 1));
    assertThat(typed.profile().overrides()).isEqualTo(Map.of("zip", ColumnType.CATEGORICAL));
    Dataset overridden = datasets.overrideColumnTypes(alice, upload(alice, csv).id(), Map.of("zip", ColumnType.CATEGORICAL));
    assertThat(typed.profile()).isEqualTo(overridden.profile());
  }

  @Test
  void refusesChosenTypesTheTableCannotTakeAndKeepsNothing() {
    assertThatThrownBy(
            () ->
                datasets.upload(
                    UploadDatasetCommand.of(
                        alice, project.id(), null, "t.csv", new ByteArrayInputStream("a,b\n1,x\n".getBytes(StandardCharsets.UTF_8)), Map.of("c", ColumnType.FLOAT))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("types.c"))
        .hasMessageContaining("no column named 'c'");
    assertThatThrownBy(
            () ->
                datasets.upload(
                    UploadDatasetCommand.of(
                        alice, project.id(), null, "t.csv", new ByteArrayInputStream("a,b\n1,x\n".getBytes(StandardCharsets.UTF_8)), Map.of("b", ColumnType.INTEGER))))
        .isInstanceOfSatisfying(InvalidTableException.class, e -> assertThat(e.field()).isEqualTo("b"))
        .hasMessageContaining("cannot be integer");
    assertThat(ports.files).isEmpty();
    assertThat(ports.datasets).isEmpty();
  }

  @Test
  void refusesAnUploadBeyondTheStorageQuotaAndKeepsNothingOfIt() {
    upload(alice, "a\n" + "1\n".repeat(20));
    assertThatThrownBy(() -> upload(alice, "b\n" + "2\n".repeat(20)))
        .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> assertThat(e.field()).isEqualTo("file"))
        .hasMessageContaining("storage quota of 60 bytes");
    assertThat(ports.datasets).hasSize(1);
    assertThat(ports.files).hasSize(1);
  }

  @Test
  void refusesEveryUploadOnceTheStorageQuotaIsReached() {
    upload(alice, "a\n" + "1\n".repeat(29));
    assertThatThrownBy(() -> upload(alice, "b\n2\n")).isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("storage quota");
    assertThat(ports.files).hasSize(1);
  }

  @Test
  void deletingAProjectRemovesItsFiles() {
    upload(alice, "a\n1\n");
    projects.delete(alice, project.id());
    assertThat(ports.files).isEmpty();
    assertThat(ports.datasets).isEmpty();
  }
}
