package dev.doppel.application.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a completed database batch into a database of its project: its tables created parents
 * first with their primary and foreign keys, then filled with batched inserts. A connection outside
 * the batch's project answers {@link NotFoundException} naming {@code connectionId}; a batch that
 * has not completed, or whose datasets were deleted since, {@link ConflictException}; a target table
 * holding rows, {@link dev.doppel.application.port.out.NonEmptyTargetTableException}; a database
 * that cannot be used, {@link dev.doppel.application.port.out.ExternalDatabaseException}.
 */
public interface ExportDatabaseBatchUseCase {
  Exported export(ExportDatabaseCommand command);

  /**
   * @param ddl the statements that create the tables and keys, in the order they ran (or would run)
   * @param rowsWritten rows inserted per table, parents first; zero for each in a dry run
   */
  record Exported(List<String> ddl, Map<String, Long> rowsWritten, boolean dryRun) {
    public Exported {
      ddl = List.copyOf(ddl);
      rowsWritten = Collections.unmodifiableMap(new LinkedHashMap<>(rowsWritten));
    }
  }
}
