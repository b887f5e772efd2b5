package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.util.List;
import java.util.Map;

/** Uploaded tables. Every method answers {@link NotFoundException} for another user's dataset. */
public interface ManageDatasetsUseCase {
  /**
   * Stores the file under a server-chosen name, infers its types and summary in one pass, and
   * records it. A failed upload leaves no file and no row behind.
   */
  Dataset upload(UploadDatasetCommand command);

  List<Dataset> list(UserId owner, ProjectId project);

  Dataset get(UserId owner, DatasetId dataset);

  /** The first {@code rows} rows as typed values (numbers, booleans, ISO datetimes, null). */
  DatasetPreview preview(UserId owner, DatasetId dataset, int rows);

  /** Sets the named columns' types and profiles the file again so the statistics follow. */
  Dataset overrideColumnTypes(UserId owner, DatasetId dataset, Map<String, ColumnType> types);

  void delete(UserId owner, DatasetId dataset);
}
