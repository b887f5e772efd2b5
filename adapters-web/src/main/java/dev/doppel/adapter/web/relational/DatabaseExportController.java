package dev.doppel.adapter.web.relational;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.doppel.adapter.web.PathIds;
import dev.doppel.adapter.web.connection.ConnectionController;
import dev.doppel.adapter.web.download.Attachments;
import dev.doppel.adapter.web.download.DownloadOptions;
import dev.doppel.application.port.in.DownloadDatabaseBatchUseCase;
import dev.doppel.application.port.in.DownloadDatabaseBatchUseCase.DatabaseDownload;
import dev.doppel.application.port.in.ExportDatabaseBatchUseCase;
import dev.doppel.application.port.in.ExportDatabaseBatchUseCase.Exported;
import dev.doppel.application.port.in.ExportDatabaseCommand;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A synthetic database taken out of Doppel: downloaded as files or one SQL script, or written into a database of its project. */
@RestController
@Tag(name = "Databases")
@SecurityRequirement(name = "bearer")
public class DatabaseExportController {
  private final DownloadDatabaseBatchUseCase downloads;
  private final ExportDatabaseBatchUseCase exports;

  public DatabaseExportController(DownloadDatabaseBatchUseCase downloads, ExportDatabaseBatchUseCase exports) {
    this.downloads = downloads;
    this.exports = exports;
  }

  public record DatabaseExportRequest(
      @Schema(requiredMode = REQUIRED, description = "a connection of the batch's project (GET /api/projects/{projectId}/connections)") Long connectionId,
      @Schema(
              requiredMode = REQUIRED,
              description = "the schema to create the tables in, which must exist: one of the names GET /api/connections/{id}/schemas lists (for MariaDB/MySQL a database)")
          String schema,
      @Schema(description = "work out the statements and check the target, but write nothing", defaultValue = "false") Boolean dryRun,
      @Schema(description = "drop tables of the batch's names that already hold rows, instead of refusing", defaultValue = "false") Boolean replaceExisting) {}

  public record DatabaseExportResponse(
      @Schema(description = "the statements that create the tables and their keys, parents first, in the order they ran (or would run)") List<String> ddl,
      @Schema(description = "rows inserted per table, parents first; zero for each in a dry run") Map<String, Long> rowsWritten,
      boolean dryRun) {
    static DatabaseExportResponse from(Exported exported) {
      return new DatabaseExportResponse(exported.ddl(), exported.rowsWritten(), exported.dryRun());
    }
  }

  @GetMapping(value = "/api/database-batches/{id}/download", produces = {"application/zip", "application/sql"})
  @Operation(
      summary = "Download a database batch, streamed",
      description = "format=csv (the default) or parquet: a zip of one <table>.csv or <table>.parquet per table. format=sql: one database-batch-<id>.sql"
          + " script that creates every table parents first with its primary and foreign keys, then fills them with batched INSERTs; it loads into"
          + " an empty database with foreign-key checks on. dialect (sql only): mysql (the default, also MariaDB) or postgresql.")
  @ApiResponse(
      responseCode = "200",
      description = "the zip or the script, streamed as an attachment",
      content = {
        @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "application/sql", schema = @Schema(type = "string", format = "binary"))
      })
  @ApiResponse(responseCode = "400", description = "format or dialect is not one of those listed; the field names it")
  @ApiResponse(responseCode = "404", description = "no database batch of yours has this id")
  @ApiResponse(responseCode = "409", description = "the database batch has not completed, or (parquet, sql) a table's dataset has been deleted since")
  public ResponseEntity<StreamingResponseBody> download(
      @PathVariable long id,
      @Parameter(schema = @Schema(allowableValues = {"csv", "parquet", "sql"}, defaultValue = "csv")) @RequestParam(required = false) String format,
      @Parameter(description = "sql only", schema = @Schema(allowableValues = {"mysql", "mariadb", "postgresql", "postgres"}, defaultValue = "mysql"))
          @RequestParam(required = false)
          String dialect,
      UserId caller) {
    String formatName = Optional.ofNullable(format).orElse("csv");
    ExportFormat exportFormat =
        ExportFormat.parse(formatName).orElseThrow(() -> new InvalidInputException("format", "unknown format '" + formatName + "'; use csv, parquet or sql"));
    DatabaseDownload download = new DatabaseDownload(exportFormat, DownloadOptions.sqlDialect(dialect));
    return Attachments.stream(downloads.download(caller, PathIds.databaseBatch(id, "id"), download));
  }

  @PostMapping("/api/database-batches/{id}/export")
  @Operation(
      summary = "Write a database batch into a database of its project",
      description = "Creates the batch's tables in the schema, parents first, with their primary and foreign keys, and inserts their rows in batches;"
          + " on PostgreSQL all in one transaction, on MariaDB/MySQL the tables created are dropped again when a later step fails. A table of the"
          + " same name that holds rows is refused (409 naming it) unless replaceExisting is true; an empty one is replaced. dryRun answers the"
          + " statements and writes nothing.")
  @ApiResponse(responseCode = "200", description = "written (or, in a dry run, checked): the statements and the rows per table")
  @ApiResponse(responseCode = "400", description = "schema or connectionId is missing; the field names it")
  @ApiResponse(responseCode = "404", description = "no database batch of yours has this id, or connectionId names no connection of the batch's project")
  @ApiResponse(
      responseCode = "409",
      description = "a table of the batch holds rows in the schema and replaceExisting is off (the problem's table names it), the batch has not"
          + " completed, or a table's dataset has been deleted since")
  @ApiResponse(responseCode = "422", description = ConnectionController.UNUSABLE)
  public DatabaseExportResponse export(@PathVariable long id, @RequestBody DatabaseExportRequest request, UserId caller) {
    Exported exported = exports.export(new ExportDatabaseCommand(
        caller, PathIds.databaseBatch(id, "id"), request.connectionId() == null ? null : PathIds.connection(request.connectionId(), "connectionId"),
        request.schema(), Boolean.TRUE.equals(request.dryRun()), Boolean.TRUE.equals(request.replaceExisting())));
    return DatabaseExportResponse.from(exported);
  }
}
