package dev.doppel.application.port.in;

import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import dev.doppel.domain.user.UserId;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** Downloads of generated batches and uploaded datasets in any export format, streamed. */
public interface ExportTablesUseCase {
  /** @throws ConflictException when the batch has no file yet */
  TableDownload batch(UserId owner, BatchId batch, ExportRequest request);

  TableDownload dataset(UserId owner, DatasetId dataset, ExportRequest request);

  record ExportRequest(ExportFormat format, ExportOptions options, boolean gzip) {
    public ExportRequest {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(options, "options");
    }
  }

  /** What to send: a safe file name, its media type, and the writer that streams the content. */
  record TableDownload(String fileName, String mediaType, Content content) {}

  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }
}
