package dev.doppel.application.service;

import dev.doppel.application.port.in.DatasetPreview;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.DeleteDatasetUseCase;
import dev.doppel.application.port.in.FindDatasetsUseCase;
import dev.doppel.application.port.in.OverrideColumnTypesUseCase;
import dev.doppel.application.port.in.UploadDatasetUseCase;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.in.PayloadTooLargeException;
import dev.doppel.application.port.in.UploadDatasetCommand;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.FileStore.StoredContent;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.dataset.DatasetProfile;
import dev.doppel.domain.dataset.NewDataset;
import dev.doppel.domain.dataset.StoredFile;
import dev.doppel.domain.dataset.TextEncoding;
import dev.doppel.domain.dataset.profile.TableProfiler;
import dev.doppel.domain.dataset.profile.TypedCell;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class DatasetService implements UploadDatasetUseCase, FindDatasetsUseCase, OverrideColumnTypesUseCase, DeleteDatasetUseCase {
  private final ProjectStore projects;
  private final DatasetStore datasets;
  private final FileStore files;
  private final TableReader tables;
  private final Clock clock;
  private final UploadLimits limits;
  private final Quotas quotas;
  private final CascadingDeletion deletion;

  public DatasetService(
      ProjectStore projects, DatasetStore datasets, FileStore files, TableReader tables, Clock clock, UploadLimits limits, Quotas quotas,
      CascadingDeletion deletion) {
    this.projects = projects;
    this.datasets = datasets;
    this.files = files;
    this.tables = tables;
    this.clock = clock;
    this.limits = limits;
    this.quotas = quotas;
    this.deletion = deletion;
  }

  @Override
  public Dataset upload(UploadDatasetCommand command) {
    projects
        .findOwned(command.project(), command.owner())
        .orElseThrow(() -> new NotFoundException("project", command.project().value(), "projectId"));
    long storageLeft = quotas.requireStorageLeft(command.owner(), "file");
    StoredContent content;
    TableReader.WatchedUpload upload = tables.watch(command.content());
    try {
      content = files.write(ProjectFiles.newDatasetKey(command.project()), upload.bytes(), Math.min(limits.maxBytes(), storageLeft));
    } catch (FileStore.FileTooLargeException e) {
      if (storageLeft < limits.maxBytes()) {
        throw quotas.storageFull("file");
      }
      throw new PayloadTooLargeException("file", "the file is larger than the upload limit of " + humanBytes(limits.maxBytes()));
    }
    try {
      TableLayout layout = tables.detect(content.key(), upload);
      if (layout.encoding().filter(encoding -> encoding != TextEncoding.UTF_8).isPresent()) {
        content = files.inspect(content.key()); // rewritten as UTF-8
      }
      DatasetProfile profile = profile(content.key(), layout, command.types(), "types");
      StoredFile file =
          new StoredFile(content.key(), layout.format(), layout.delimiter(), layout.encoding(), content.sizeBytes(), content.sha256());
      return datasets.add(new NewDataset(command.project(), command.name(), file, profile, clock.instant()));
    } catch (RuntimeException | Error e) {
      // Errors too: an upload that fails for any reason leaves neither a file nor a row.
      try {
        files.delete(content.key());
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  @Override
  public List<Dataset> list(UserId owner, ProjectId project) {
    projects.findOwned(project, owner).orElseThrow(() -> new NotFoundException("project", project.value(), "projectId"));
    return datasets.listByProject(project);
  }

  @Override
  public Dataset get(UserId owner, DatasetId dataset) {
    return owned(owner, dataset);
  }

  @Override
  public DatasetPreview preview(UserId owner, DatasetId id, int rows) {
    if (rows < 1 || rows > limits.maxPreviewRows()) {
      throw new InvalidInputException("rows", "rows must be between 1 and " + limits.maxPreviewRows());
    }
    Dataset dataset = owned(owner, id);
    List<ColumnProfile> columns = dataset.profile().columns();
    List<List<Object>> typedRows = new ArrayList<>();
    tables.read(
        dataset.file().key(),
        TableLayout.of(dataset.file()),
        new TableReader.RowConsumer() {
          @Override
          public void header(List<String> names) {}

          @Override
          public boolean row(String[] values) {
            List<Object> typed = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
              typed.add(TypedCell.of(values[i], columns.get(i)));
            }
            typedRows.add(typed);
            return typedRows.size() < rows;
          }
        });
    return new DatasetPreview(columns.stream().map(c -> new DatasetPreview.Column(c.name(), c.type())).toList(), typedRows);
  }

  @Override
  public Dataset overrideColumnTypes(UserId owner, DatasetId id, Map<String, ColumnType> types) {
    if (types.isEmpty()) {
      throw new InvalidInputException("columns", "name at least one column and its new type");
    }
    Dataset dataset = owned(owner, id);
    for (String column : types.keySet()) {
      if (dataset.profile().column(column).isEmpty()) {
        throw new InvalidInputException("columns", "dataset " + id.value() + " has no column named '" + column + "'");
      }
    }
    Map<String, ColumnType> forced = new java.util.HashMap<>(dataset.profile().overrides());
    forced.putAll(types);
    dataset.profile().columns().stream()
        .filter(c -> types.get(c.name()) == c.inferredType())
        .forEach(c -> forced.remove(c.name()));
    DatasetProfile profile = profile(dataset.file().key(), TableLayout.of(dataset.file()), forced, "columns");
    return datasets.update(dataset.withProfile(profile));
  }

  @Override
  public void delete(UserId owner, DatasetId id) {
    deletion.deleteDataset(owned(owner, id));
  }

  /** @param forcedField the input field that named the forced types, for errors about them */
  private DatasetProfile profile(String key, TableLayout layout, Map<String, ColumnType> forced, String forcedField) {
    TableProfiler[] profiler = new TableProfiler[1];
    tables.read(
        key,
        layout,
        new TableReader.RowConsumer() {
          @Override
          public void header(List<String> names) {
            if (names.size() > limits.maxColumns()) {
              throw new PayloadTooLargeException(
                  "file", "the table has " + names.size() + " columns; the limit is " + limits.maxColumns());
            }
            for (String column : forced.keySet()) {
              if (!names.contains(column)) {
                throw new InvalidInputException(forcedField + "." + column, "the file has no column named '" + column + "'");
              }
            }
            profiler[0] = new TableProfiler(names, limits.profiling(), forced);
          }

          @Override
          public boolean row(String[] values) {
            profiler[0].accept(values);
            return true;
          }
        });
    if (profiler[0] == null) {
      throw new InvalidInputException("file", "the file is empty");
    }
    if (profiler[0].rows() == 0) {
      throw new InvalidInputException("file", "the file has a header but no data rows");
    }
    return profiler[0].finish();
  }

  private Dataset owned(UserId owner, DatasetId id) {
    return datasets
        .findById(id)
        .filter(d -> projects.findOwned(d.projectId(), owner).isPresent())
        .orElseThrow(() -> new NotFoundException("dataset", id.value(), "id"));
  }

  static String humanBytes(long bytes) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value)) + " " + units[unit];
  }

}
