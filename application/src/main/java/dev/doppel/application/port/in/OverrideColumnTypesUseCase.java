package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.user.UserId;
import java.util.Map;

/** Corrects inferred column types. Answers {@link NotFoundException} for another user's dataset. */
public interface OverrideColumnTypesUseCase {
  /** Sets the named columns' types and profiles the file again so the statistics follow. */
  Dataset overrideColumnTypes(UserId owner, DatasetId dataset, Map<String, ColumnType> types);
}
