package dev.doppel.application.port.out;

import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.dataset.NewDataset;
import dev.doppel.domain.project.ProjectId;
import java.util.List;
import java.util.Optional;

public interface DatasetStore {
  Dataset add(NewDataset dataset);

  Optional<Dataset> findById(DatasetId id);

  /** Newest first. */
  List<Dataset> listByProject(ProjectId project);

  Dataset update(Dataset dataset);

  void delete(DatasetId id);
}
