package dev.doppel.adapter.web.download;

import dev.doppel.domain.user.UserId;
import dev.doppel.adapter.web.PathIds;
import dev.doppel.application.port.in.ExportTablesUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@Tag(name = "Downloads")
@SecurityRequirement(name = "bearer")
public class DownloadController {
  private final ExportTablesUseCase exports;

  public DownloadController(ExportTablesUseCase exports) {
    this.exports = exports;
  }

  @GetMapping("/api/synthetic/{id}/download")
  @Operation(
      summary = "Download a generated batch",
      description = "Streams the batch as csv, json (array of objects), jsonl, sql (CREATE TABLE + batched INSERTs; dialect mysql or postgresql) "
          + "or parquet. CSV: delimiter=, ; | or tab; text cells starting with = + - @ tab or CR get a leading ' so spreadsheets do not run "
          + "them, unless neutraliseFormulas=false. MySQL scripts load the same under any sql_mode. compress=gzip gzips the file.")
  @TableDownloadResponse
  @ApiResponse(responseCode = "409", description = "the batch has not completed")
  public ResponseEntity<StreamingResponseBody> batch(@PathVariable long id, @ParameterObject DownloadOptions options, UserId caller) {
    return Attachments.stream(exports.batch(caller, PathIds.batch(id, "id"), options.toRequest("synthetic_data")));
  }

  @GetMapping("/api/datasets/{id}/download")
  @Operation(summary = "Download an uploaded dataset in another format", description = "Same formats and options as batch downloads.")
  @TableDownloadResponse
  public ResponseEntity<StreamingResponseBody> dataset(@PathVariable long id, @ParameterObject DownloadOptions options, UserId caller) {
    return Attachments.stream(exports.dataset(caller, PathIds.dataset(id, "id"), options.toRequest("real_data")));
  }
}
