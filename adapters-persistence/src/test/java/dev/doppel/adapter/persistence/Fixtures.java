package dev.doppel.adapter.persistence;

import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.batch.AnomalySpec;
import dev.doppel.domain.batch.NewBatch;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetName;
import dev.doppel.domain.dataset.DatasetProfile;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.Histogram;
import dev.doppel.domain.dataset.LengthSummary;
import dev.doppel.domain.dataset.NewDataset;
import dev.doppel.domain.dataset.NumericSummary;
import dev.doppel.domain.dataset.NumericSummary.Quantile;
import dev.doppel.domain.dataset.StoredFile;
import dev.doppel.domain.dataset.TextEncoding;
import dev.doppel.domain.dataset.ValueCount;
import dev.doppel.domain.project.NewProject;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectName;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.user.NewUser;
import dev.doppel.domain.user.Role;
import dev.doppel.domain.user.User;
import dev.doppel.domain.user.Username;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test data; every name is unique so test classes can share one database. */
public final class Fixtures {
  private static final AtomicLong SEQUENCE = new AtomicLong();
  public static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private Fixtures() {}

  public static String uniqueName(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static User user(UserStore users) {
    return users.add(new NewUser(new Username(uniqueName("user")), "{bcrypt}$2a$10$hash", Role.USER));
  }

  public static Project project(ProjectStore projects, User owner, Instant createdAt) {
    return projects.add(new NewProject(owner.id(), new ProjectName(uniqueName("project")), "a project", createdAt));
  }

  public static Dataset dataset(DatasetStore datasets, Project project, Instant uploadedAt) {
    return datasets.add(newDataset(project, uploadedAt));
  }

  public static NewDataset newDataset(Project project, Instant uploadedAt) {
    return new NewDataset(
        project.id(),
        new DatasetName("customers.csv"),
        new StoredFile("datasets/" + UUID.randomUUID() + ".csv", FileFormat.CSV, ';', Optional.of(TextEncoding.WINDOWS_1252), 123_456L, SHA256),
        richProfile(),
        uploadedAt);
  }

  /** Every shape a profile can take: present and empty optionals, histograms, unicode, extremes. */
  public static DatasetProfile richProfile() {
    List<Quantile> quantiles = List.of(
        new Quantile(0.01, 18), new Quantile(0.05, 19.5), new Quantile(0.25, 30), new Quantile(0.5, 41),
        new Quantile(0.75, 55.25), new Quantile(0.95, 80), new Quantile(0.99, 89.999));
    ColumnProfile age = new ColumnProfile("age", ColumnType.INTEGER, ColumnType.INTEGER, Optional.empty(), 1000, 3, 72, true,
        Optional.of(new NumericSummary(18, 90, 42.123456789012345, 0.1, quantiles, true, 0)),
        Optional.of(new Histogram(List.of(18.0, 36.0, 54.0, 72.0, 90.0), List.of(400L, 300L, 200L, 97L), true)),
        List.of(), false, 0, new LengthSummary(2, 2, 2.0));
    ColumnProfile city = new ColumnProfile("Stadt / 城市 \"quoted\" \\ name", ColumnType.CATEGORICAL, ColumnType.TEXT,
        Optional.empty(), 1000, 0, 9_007_199_254_740_993L, false, Optional.empty(), Optional.empty(),
        List.of(new ValueCount("Zürich", 400), new ValueCount("東京", 300), new ValueCount("São Paulo 🦄", 200),
            new ValueCount("line\nbreak\ttab", 1), new ValueCount("", 1)),
        true, 98, new LengthSummary(0, 42, 7.25));
    ColumnProfile signup = new ColumnProfile("signed_up", ColumnType.DATETIME, ColumnType.DATETIME,
        Optional.of("%Y-%m-%d %H:%M:%S"), 1000, 10, 990, true,
        Optional.of(new NumericSummary(1.0E9, 1.7e9, 1.35e9, 1.0e-300, quantiles, false, 6)),
        Optional.of(new Histogram(List.of(1.0E9, 1.7e9), List.of(990L), false)),
        List.of(new ValueCount("2024-02-29 23:59:59", 2)), false, 988, new LengthSummary(19, 19, 19));
    ColumnProfile empty = new ColumnProfile("nothing", ColumnType.FLOAT, ColumnType.FLOAT, Optional.empty(), 1000, 1000, 0, true,
        Optional.of(new NumericSummary(-Double.MAX_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, List.of(), true, 15)),
        Optional.of(new Histogram(List.of(), List.of(), true)), List.of(), true, 0, LengthSummary.EMPTY);
    return new DatasetProfile(1000, List.of(age, city, signup, empty));
  }

  /** A dataset in a project of a user of its own. */
  public static Dataset dataset(UserStore users, ProjectStore projects, DatasetStore datasets, Instant at) {
    return dataset(datasets, project(projects, user(users), at), at);
  }

  public static SynthesisModel model(ModelStore models, Dataset dataset, Instant createdAt) {
    return models.add(newModel(dataset, createdAt));
  }

  public static NewModel newModel(Dataset dataset, Instant createdAt) {
    return new NewModel(dataset.id(), new Algorithm("CTGAN"), richSettings(), Optional.of(42L), createdAt);
  }

  /**
   * Every type a setting can have, and the values whose type a JSON round trip could lose: a whole
   * Double, a Long beyond a double's 53 bits, a Long that fits in an int, text that looks like a number.
   */
  public static TrainingSettings richSettings() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("epochs", 300L);
    values.put("batch_size", 500L);
    values.put("huge", 9_007_199_254_740_993L);
    values.put("negative", -7L);
    values.put("generator_lr", 2.0e-4);
    values.put("discriminator_decay", 2.0);
    values.put("zero", 0.0);
    values.put("epsilon", 1.0e-300);
    values.put("enforce_rounding", true);
    values.put("verbose", false);
    values.put("locales", "de_CH");
    values.put("looks_numeric", "42");
    values.put("unicode \"quoted\"", "Zürich 東京 🦄");
    return new TrainingSettings(values);
  }

  public static SyntheticBatch batch(BatchStore batches, SynthesisModel model, Instant createdAt) {
    return batches.add(new NewBatch(model.id(), 1000, Optional.of(anomalies()), Optional.of(7L), List.of(), Optional.empty(), createdAt));
  }

  public static AnomalySpec anomalies() {
    return new AnomalySpec(0.05, Optional.of("is_anomaly"), Optional.of("anomaly_kind"), List.of("out_of_range", "unexpected_null"));
  }
}
