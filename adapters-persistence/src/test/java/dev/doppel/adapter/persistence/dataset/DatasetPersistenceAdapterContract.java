package dev.doppel.adapter.persistence.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.adapter.persistence.PersistenceContract;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.dataset.DatasetName;
import dev.doppel.domain.dataset.DatasetProfile;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.NewDataset;
import dev.doppel.domain.dataset.StoredFile;
import dev.doppel.domain.project.Project;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

abstract class DatasetPersistenceAdapterContract extends PersistenceContract {
  static final Instant T0 = Instant.parse("2025-10-26T01:15:00.000001Z");

  @Autowired
  UserStore users;

  @Autowired
  ProjectStore projects;

  @Autowired
  DatasetStore datasets;

  @Autowired
  protected JdbcTemplate jdbc;

  Project project;

  @BeforeEach
  void createProject() {
    project = Fixtures.project(projects, Fixtures.user(users), T0);
  }

  @Test
  void storesDatasetAndReadsBackTheExactProfile() {
    NewDataset upload = Fixtures.newDataset(project, T0.plusNanos(999));

    Dataset added = datasets.add(upload);

    assertThat(added.id().value()).isPositive();
    assertThat(added.projectId()).isEqualTo(project.id());
    assertThat(added.name()).isEqualTo(upload.name());
    assertThat(added.file()).isEqualTo(upload.file());
    assertThat(added.profile()).isEqualTo(Fixtures.richProfile());
    assertThat(added.uploadedAt()).isEqualTo(T0);
    assertThat(datasets.findById(added.id())).contains(asStored(added));
  }

  @Test
  void keepsOptionalsEmptyAndPresentThroughTheRoundTrip() {
    Dataset added = Fixtures.dataset(datasets, project, T0);
    DatasetProfile read = datasets.findById(added.id()).orElseThrow().profile();

    assertThat(read.column("age").orElseThrow().datetimeFormat()).isEmpty();
    assertThat(read.column("age").orElseThrow().histogram().orElseThrow().counts()).containsExactly(400L, 300L, 200L, 97L);
    assertThat(read.column("signed_up").orElseThrow().datetimeFormat()).contains("%Y-%m-%d %H:%M:%S");
    assertThat(read.column("nothing").orElseThrow().numeric().orElseThrow().mean()).isNaN();
    assertThat(read.columns().get(1).topValues().get(2).value()).isEqualTo("São Paulo 🦄");
  }

  @Test
  void storesProfileAsAJsonObjectNotAQuotedString() {
    Dataset added = Fixtures.dataset(datasets, project, T0);

    String stored = jdbc.queryForObject("SELECT metadata FROM datasets WHERE id = ?", String.class, added.id().value());

    assertThat(stored).startsWith("{").contains("\"rowCount\"");
  }

  @Test
  void storesParquetWithoutADelimiter() {
    StoredFile parquet = new StoredFile("datasets/p.parquet", FileFormat.PARQUET, '\0', Optional.empty(), 5, Fixtures.SHA256);
    Dataset added = datasets.add(new NewDataset(project.id(), new DatasetName("p.parquet"), parquet,
        new DatasetProfile(0, List.of()), T0));

    assertThat(datasets.findById(added.id()).orElseThrow().file()).isEqualTo(parquet);
    assertThat(jdbc.queryForObject("SELECT delimiter_char FROM datasets WHERE id = ?", String.class, added.id().value())).isNull();
  }

  @Test
  void findsNothingForUnknownId() {
    assertThat(datasets.findById(new DatasetId(Long.MAX_VALUE))).isEmpty();
  }

  @Test
  void listsAProjectsDatasetsNewestFirst() {
    Dataset oldest = Fixtures.dataset(datasets, project, T0);
    Dataset newest = Fixtures.dataset(datasets, project, T0.plusSeconds(7200));
    Dataset middle = Fixtures.dataset(datasets, project, T0.plusSeconds(3600));
    Fixtures.dataset(datasets, Fixtures.project(projects, Fixtures.user(users), T0), T0.plusSeconds(5000));

    assertThat(datasets.listByProject(project.id())).containsExactly(asStored(newest), asStored(middle), asStored(oldest));
  }

  @Test
  void updatesProfileWithTypeOverrideAndName() {
    Dataset added = Fixtures.dataset(datasets, project, T0);
    List<ColumnProfile> columns = new java.util.ArrayList<>(added.profile().columns());
    ColumnProfile age = columns.get(0);
    columns.set(0, new ColumnProfile(age.name(), ColumnType.CATEGORICAL, age.inferredType(), Optional.empty(), age.count(),
        age.nullCount(), age.distinctCount(), age.distinctExact(), age.numeric(), age.histogram(), age.topValues(),
        age.topValuesExact(), age.otherCount(), age.length()));
    DatasetProfile overridden = new DatasetProfile(2000, columns);
    Dataset changed = new Dataset(added.id(), added.projectId(), new DatasetName("renamed ✓"), added.file(), overridden,
        asStored(added.uploadedAt()));

    Dataset updated = datasets.update(changed);

    assertThat(updated).isEqualTo(changed);
    assertThat(datasets.findById(added.id())).contains(changed);
    assertThat(datasets.findById(added.id()).orElseThrow().profile().overrides()).containsEntry("age", ColumnType.CATEGORICAL);
    assertThat(jdbc.queryForObject("SELECT row_count FROM datasets WHERE id = ?", Long.class, added.id().value())).isEqualTo(2000L);
  }

  Dataset asStored(Dataset dataset) {
    return new Dataset(dataset.id(), dataset.projectId(), dataset.name(), dataset.file(), dataset.profile(),
        asStored(dataset.uploadedAt()));
  }

  @Test
  void deletesDataset() {
    Dataset gone = Fixtures.dataset(datasets, project, T0);
    Dataset kept = Fixtures.dataset(datasets, project, T0);

    datasets.delete(gone.id());

    assertThat(datasets.findById(gone.id())).isEmpty();
    assertThat(datasets.listByProject(project.id())).containsExactly(asStored(kept));
  }
}
