package dev.doppel.application.service;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.PasswordHasher;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.application.port.out.TokenIssuer;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.application.port.out.UserUsage;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.NewBatch;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.NewDataset;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import dev.doppel.domain.project.NewProject;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.user.NewUser;
import dev.doppel.domain.user.User;
import dev.doppel.domain.user.UserId;
import dev.doppel.domain.user.Username;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Plain in-memory stand-ins for the outbound ports, so services are tested without Spring. */
final class InMemoryPorts {
  final Map<Long, User> users = new LinkedHashMap<>();
  final Map<Long, Project> projects = new LinkedHashMap<>();
  final Map<Long, Dataset> datasets = new LinkedHashMap<>();
  final Map<String, byte[]> files = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  final UserStore userStore =
      new UserStore() {
        @Override
        public User add(NewUser user) {
          if (findByUsername(user.username()).isPresent()) {
            throw new ConflictException("username", "username '" + user.username() + "' is already taken");
          }
          User stored = new User(new UserId(ids.incrementAndGet()), user.username(), user.passwordHash(), user.role(), 0);
          users.put(stored.id().value(), stored);
          return stored;
        }

        @Override
        public Optional<User> findByUsername(Username username) {
          return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
        }

        @Override
        public Optional<User> findById(UserId id) {
          return Optional.ofNullable(users.get(id.value()));
        }

        @Override
        public void revokeTokens(UserId id) {
          users.computeIfPresent(id.value(), (key, u) -> new User(u.id(), u.username(), u.passwordHash(), u.role(), u.tokenVersion() + 1));
        }

        @Override
        public Optional<User> changePassword(UserId id, String newPasswordHash) {
          return Optional.ofNullable(
              users.computeIfPresent(id.value(), (key, u) -> new User(u.id(), u.username(), newPasswordHash, u.role(), u.tokenVersion() + 1)));
        }

        @Override
        public void delete(UserId id) {
          users.remove(id.value());
          projects.values().stream().filter(p -> p.isOwnedBy(id)).map(Project::id).toList().forEach(projectStore::delete);
        }
      };

  final ProjectStore projectStore =
      new ProjectStore() {
        @Override
        public Project add(NewProject p) {
          Project stored = new Project(new ProjectId(ids.incrementAndGet()), p.ownerId(), p.name(), p.description(), p.createdAt());
          projects.put(stored.id().value(), stored);
          return stored;
        }

        @Override
        public Optional<Project> findOwned(ProjectId id, UserId owner) {
          return Optional.ofNullable(projects.get(id.value())).filter(p -> p.isOwnedBy(owner));
        }

        @Override
        public List<Project> listOwnedBy(UserId owner) {
          return projects.values().stream().filter(p -> p.isOwnedBy(owner)).toList();
        }

        @Override
        public Project update(Project project) {
          projects.put(project.id().value(), project);
          return project;
        }

        @Override
        public void delete(ProjectId id) {
          projects.remove(id.value());
          datasets.values().removeIf(d -> d.projectId().equals(id));
        }
      };

  final DatasetStore datasetStore =
      new DatasetStore() {
        @Override
        public Dataset add(NewDataset d) {
          Dataset stored = new Dataset(new DatasetId(ids.incrementAndGet()), d.projectId(), d.name(), d.file(), d.profile(), d.uploadedAt());
          datasets.put(stored.id().value(), stored);
          return stored;
        }

        @Override
        public Optional<Dataset> findById(DatasetId id) {
          return Optional.ofNullable(datasets.get(id.value()));
        }

        @Override
        public List<Dataset> listByProject(ProjectId project) {
          return datasets.values().stream()
              .filter(d -> d.projectId().equals(project))
              .sorted(Comparator.comparing(Dataset::uploadedAt).reversed())
              .toList();
        }

        @Override
        public Dataset update(Dataset dataset) {
          datasets.put(dataset.id().value(), dataset);
          return dataset;
        }

        @Override
        public void delete(DatasetId id) {
          datasets.remove(id.value());
        }
      };

  final FileStore fileStore =
      new FileStore() {
        @Override
        public StoredContent write(String key, InputStream content, long maxBytes) {
          try {
            byte[] bytes = content.readAllBytes();
            if (bytes.length > maxBytes) {
              throw new FileTooLargeException(maxBytes);
            }
            files.put(key, bytes);
            return new StoredContent(key, bytes.length, "0".repeat(64));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public StoredContent inspect(String key) {
          return new StoredContent(key, files.get(key).length, "0".repeat(64));
        }

        @Override
        public InputStream open(String key) {
          return new ByteArrayInputStream(files.get(key));
        }

        @Override
        public Path locate(String key) {
          return Path.of("/nonexistent", key);
        }

        @Override
        public void delete(String keyOrPrefix) {
          files.keySet().removeIf(k -> k.equals(keyOrPrefix) || k.startsWith(keyOrPrefix + "/"));
        }
      };

  /** Comma-separated text only; enough to drive the services. */
  final TableReader tableReader =
      new TableReader() {
        @Override
        public WatchedUpload watch(InputStream upload) {
          return () -> upload;
        }

        @Override
        public TableLayout detect(String key, WatchedUpload upload) {
          if (new String(files.get(key), StandardCharsets.UTF_8).contains("\0")) {
            throw new InvalidTableException("file", "the file is not a CSV or Parquet table: it contains binary data");
          }
          return new TableLayout(FileFormat.CSV, ',');
        }

        @Override
        public void read(String key, TableLayout layout, RowConsumer consumer) {
          String[] lines = new String(files.get(key), StandardCharsets.UTF_8).split("\n");
          if (lines.length == 0 || lines[0].isEmpty()) {
            return;
          }
          consumer.header(Arrays.asList(lines[0].split(",", -1)));
          for (int i = 1; i < lines.length; i++) {
            if (!consumer.row(lines[i].split(",", -1))) {
              return;
            }
          }
        }
      };

  final PasswordHasher hasher =
      new PasswordHasher() {
        @Override
        public String hash(String raw) {
          return "hashed:" + raw;
        }

        @Override
        public boolean matches(String raw, String hash) {
          return hash.equals("hashed:" + raw);
        }
      };

  /** Models and batches are not kept: these tests never train, so every list of them is empty. */
  final ModelStore modelStore =
      new ModelStore() {
        @Override
        public SynthesisModel add(NewModel model) {
          throw new UnsupportedOperationException("these tests do not train");
        }

        @Override
        public Optional<SynthesisModel> findById(ModelId id) {
          return Optional.empty();
        }

        @Override
        public List<SynthesisModel> listByDataset(DatasetId dataset) {
          return List.of();
        }

        @Override
        public List<SynthesisModel> listByProject(ProjectId project) {
          return List.of();
        }

        @Override
        public List<SynthesisModel> listByStatus(ModelStatus status) {
          return List.of();
        }

        @Override
        public SynthesisModel update(SynthesisModel model) {
          throw new UnsupportedOperationException("these tests do not train");
        }

        @Override
        public Optional<SynthesisModel> claim(ModelId id, String modelFolderKey, Instant now) {
          return Optional.empty();
        }

        @Override
        public Optional<SynthesisModel> cancelIfPending(ModelId id, Instant now) {
          return Optional.empty();
        }

        @Override
        public int queuePosition(ModelId id) {
          return 0;
        }

        @Override
        public void delete(ModelId id) {}
      };

  final BatchStore batchStore =
      new BatchStore() {
        @Override
        public SyntheticBatch add(NewBatch batch) {
          throw new UnsupportedOperationException("these tests do not generate");
        }

        @Override
        public Optional<SyntheticBatch> findById(BatchId id) {
          return Optional.empty();
        }

        @Override
        public List<SyntheticBatch> listByModel(ModelId model) {
          return List.of();
        }

        @Override
        public List<SyntheticBatch> listByStatus(BatchStatus status) {
          return List.of();
        }

        @Override
        public SyntheticBatch update(SyntheticBatch batch) {
          throw new UnsupportedOperationException("these tests do not generate");
        }

        @Override
        public Optional<SyntheticBatch> claim(BatchId id, Instant now) {
          return Optional.empty();
        }

        @Override
        public Optional<SyntheticBatch> cancelIfPending(BatchId id, Instant now) {
          return Optional.empty();
        }

        @Override
        public void delete(BatchId id) {}
      };

  /** Stored bytes are the sizes of the owner's datasets; no jobs run in these tests. */
  final UserUsage usage =
      new UserUsage() {
        @Override
        public long storedBytes(UserId user) {
          return datasets.values().stream()
              .filter(d -> projects.get(d.projectId().value()).isOwnedBy(user))
              .mapToLong(d -> d.file().sizeBytes())
              .sum();
        }

        @Override
        public int activeJobs(UserId user) {
          return 0;
        }
      };

  final List<User> tokensIssuedTo = new ArrayList<>();
  final TokenIssuer tokenIssuer =
      user -> {
        tokensIssuedTo.add(user);
        return new TokenIssuer.IssuedToken("token-for-" + user.id().value(), Instant.EPOCH);
      };
}
