package dev.doppel.application.port.in;

import dev.doppel.application.port.in.ExportTablesUseCase.TableDownload;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.user.UserId;
import java.util.Objects;
import java.util.Set;

/** Downloads a completed database batch, streamed; another user's answers {@link NotFoundException}. */
public interface DownloadDatabaseBatchUseCase {
  /**
   * CSV and Parquet: a zip of one file per table. SQL: one script that creates every table parents
   * first, with its primary and foreign keys, and fills them.
   *
   * @throws ConflictException when the batch has not completed, or (Parquet and SQL, which type the
   *     columns) a table's dataset has been deleted since
   */
  TableDownload download(UserId owner, DatabaseBatchId batch, DatabaseDownload download);

  /** @param dialect SQL only */
  record DatabaseDownload(ExportFormat format, SqlDialect dialect) {
    public static final Set<ExportFormat> FORMATS = Set.of(ExportFormat.CSV, ExportFormat.PARQUET, ExportFormat.SQL);

    public DatabaseDownload {
      Objects.requireNonNull(dialect, "dialect");
      if (!FORMATS.contains(format)) {
        throw new InvalidInputException("format", "a database batch downloads as csv, parquet or sql");
      }
    }
  }
}
