package dev.doppel.adapter.web.download;

import dev.doppel.adapter.web.security.CurrentUser;
import dev.doppel.application.port.in.ExportTablesUseCase;
import dev.doppel.application.port.in.ExportTablesUseCase.ExportRequest;
import dev.doppel.application.port.in.ExportTablesUseCase.TableDownload;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@Tag(name = "Downloads")
@SecurityRequirement(name = "bearer")
public class DownloadController {
  private static final String NEUTRALISE_FORMULAS =
      "CSV: prefix text cells starting with = + - @ tab or CR with ' so spreadsheets show them as text instead of running them (default)."
          + " false writes them unchanged, for tools that read the values back exactly.";
  private static final String TABLE_NAME = "^" + ExportOptions.TABLE_NAME_PATTERN + "$";

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
  public ResponseEntity<StreamingResponseBody> batch(
      @PathVariable long id,
      @Parameter(schema = @Schema(allowableValues = {"csv", "json", "jsonl", "sql", "parquet"})) @RequestParam(name = "format", defaultValue = "csv") String format,
      @Parameter(description = "CSV delimiter", schema = @Schema(allowableValues = {",", ";", "|", "tab"})) @RequestParam(name = "delimiter", defaultValue = ",")
          String delimiter,
      @Parameter(description = NEUTRALISE_FORMULAS) @RequestParam(name = "neutraliseFormulas", defaultValue = "true") boolean neutraliseFormulas,
      @Parameter(schema = @Schema(allowableValues = {"mysql", "mariadb", "postgresql", "postgres"})) @RequestParam(name = "dialect", defaultValue = "mysql")
          String dialect,
      @Parameter(description = "SQL table name", schema = @Schema(pattern = TABLE_NAME)) @RequestParam(name = "table", defaultValue = "synthetic_data") String table,
      @Parameter(schema = @Schema(allowableValues = {"gzip", "none"})) @RequestParam(name = "compress", required = false) String compress,
      Authentication caller) {
    if (id <= 0) {
      throw new NotFoundException("batch", id, "id");
    }
    ExportRequest request = request(format, delimiter, neutraliseFormulas, dialect, table, compress);
    return stream(exports.batch(CurrentUser.of(caller), new BatchId(id), request));
  }

  @GetMapping("/api/datasets/{id}/download")
  @Operation(summary = "Download an uploaded dataset in another format", description = "Same formats and options as batch downloads.")
  @TableDownloadResponse
  public ResponseEntity<StreamingResponseBody> dataset(
      @PathVariable long id,
      @Parameter(schema = @Schema(allowableValues = {"csv", "json", "jsonl", "sql", "parquet"})) @RequestParam(name = "format", defaultValue = "csv") String format,
      @Parameter(description = "CSV delimiter", schema = @Schema(allowableValues = {",", ";", "|", "tab"})) @RequestParam(name = "delimiter", defaultValue = ",")
          String delimiter,
      @Parameter(description = NEUTRALISE_FORMULAS) @RequestParam(name = "neutraliseFormulas", defaultValue = "true") boolean neutraliseFormulas,
      @Parameter(schema = @Schema(allowableValues = {"mysql", "mariadb", "postgresql", "postgres"})) @RequestParam(name = "dialect", defaultValue = "mysql")
          String dialect,
      @Parameter(description = "SQL table name", schema = @Schema(pattern = TABLE_NAME)) @RequestParam(name = "table", defaultValue = "real_data") String table,
      @Parameter(schema = @Schema(allowableValues = {"gzip", "none"})) @RequestParam(name = "compress", required = false) String compress,
      Authentication caller) {
    if (id <= 0) {
      throw new NotFoundException("dataset", id, "id");
    }
    ExportRequest request = request(format, delimiter, neutraliseFormulas, dialect, table, compress);
    return stream(exports.dataset(CurrentUser.of(caller), new DatasetId(id), request));
  }

  private static ExportRequest request(String format, String delimiter, boolean neutraliseFormulas, String dialect, String table, String compress) {
    ExportFormat exportFormat =
        ExportFormat.parse(format).orElseThrow(() -> new InvalidInputException("format", "unknown format '" + format + "'; use one of " + ExportFormat.valid()));
    char separator =
        switch (delimiter) {
          case ",", ";", "|" -> delimiter.charAt(0);
          case "tab", "\t", "\\t" -> '\t';
          default -> throw new InvalidInputException("delimiter", "delimiter must be one of , ; | tab");
        };
    SqlDialect sqlDialect =
        switch (dialect.toLowerCase(Locale.ROOT)) {
          case "mysql", "mariadb" -> SqlDialect.MYSQL;
          case "postgresql", "postgres" -> SqlDialect.POSTGRESQL;
          default -> throw new InvalidInputException("dialect", "dialect must be mysql or postgresql");
        };
    boolean gzip =
        switch (compress == null ? "" : compress.toLowerCase(Locale.ROOT)) {
          case "", "none" -> false;
          case "gzip" -> true;
          default -> throw new InvalidInputException("compress", "compress must be gzip or none");
        };
    ExportOptions options;
    try {
      options = new ExportOptions(separator, neutraliseFormulas, sqlDialect, table);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("table", e.getMessage());
    }
    return new ExportRequest(exportFormat, options, gzip);
  }

  private static ResponseEntity<StreamingResponseBody> stream(TableDownload download) {
    HttpHeaders headers = new HttpHeaders();
    // The name is plain ASCII by construction, so it needs no RFC 2047 or RFC 5987 encoding, which curl -OJ would keep literally.
    headers.setContentDisposition(ContentDisposition.attachment().filename(download.fileName()).build());
    headers.setContentType(MediaType.parseMediaType(download.mediaType()));
    headers.set("X-Content-Type-Options", "nosniff");
    return ResponseEntity.ok().headers(headers).body(out -> download.content().writeTo(out));
  }
}
