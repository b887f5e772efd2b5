package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.util.List;

/** Reads uploaded tables. Every method answers {@link NotFoundException} for another user's dataset. */
public interface FindDatasetsUseCase {
  List<Dataset> list(UserId owner, ProjectId project);

  Dataset get(UserId owner, DatasetId dataset);

  /** The first {@code rows} rows as typed values (numbers, booleans, ISO datetimes, null). */
  DatasetPreview preview(UserId owner, DatasetId dataset, int rows);
}
