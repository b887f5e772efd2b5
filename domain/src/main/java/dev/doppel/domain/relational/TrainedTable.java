package dev.doppel.domain.relational;

import dev.doppel.domain.dataset.DatasetId;
import java.util.List;
import java.util.Objects;

/**
 * A dataset as a database model learned it: the table's name (the dataset's name at training time)
 * and its primary key (empty when no other table references it).
 */
public record TrainedTable(DatasetId dataset, String name, List<String> primaryKey) {
  public TrainedTable {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(name, "name");
    primaryKey = List.copyOf(primaryKey);
  }
}
