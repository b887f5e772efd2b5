package dev.doppel.adapter.web.download;

import dev.doppel.application.port.in.ExportTablesUseCase.ExportRequest;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import dev.doppel.domain.export.ExportOptions.SqlDialect;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import java.util.Optional;

/** The query parameters every table download takes; an absent one takes its default. */
public record DownloadOptions(
    @Parameter(schema = @Schema(allowableValues = {"csv", "json", "jsonl", "sql", "parquet"}, defaultValue = "csv")) String format,
    @Parameter(description = "CSV delimiter", schema = @Schema(allowableValues = {",", ";", "|", "tab"}, defaultValue = ",")) String delimiter,
    @Parameter(
            description = "CSV: prefix text cells starting with = + - @ tab or CR with ' so spreadsheets show them as text instead of running"
                + " them (default). false writes them unchanged, for tools that read the values back exactly.",
            schema = @Schema(type = "boolean", defaultValue = "true"))
        Boolean neutraliseFormulas,
    @Parameter(schema = @Schema(allowableValues = {"mysql", "mariadb", "postgresql", "postgres"}, defaultValue = "mysql")) String dialect,
    @Parameter(
            description = "SQL table name; synthetic_data for a batch, real_data for a dataset when absent",
            schema = @Schema(pattern = "^" + ExportOptions.TABLE_NAME_PATTERN + "$"))
        String table,
    @Parameter(schema = @Schema(allowableValues = {"gzip", "none"})) String compress) {

  ExportRequest toRequest(String defaultTable) {
    String formatName = Optional.ofNullable(format).orElse("csv");
    ExportFormat exportFormat =
        ExportFormat.parse(formatName)
            .orElseThrow(() -> new InvalidInputException("format", "unknown format '" + formatName + "'; use one of " + ExportFormat.valid()));
    char separator =
        switch (Optional.ofNullable(delimiter).orElse(",")) {
          case "," -> ',';
          case ";" -> ';';
          case "|" -> '|';
          case "tab", "\t", "\\t" -> '\t';
          default -> throw new InvalidInputException("delimiter", "delimiter must be one of , ; | tab");
        };
    SqlDialect sqlDialect = sqlDialect(dialect);
    boolean gzip =
        switch (Optional.ofNullable(compress).orElse("").toLowerCase(Locale.ROOT)) {
          case "", "none" -> false;
          case "gzip" -> true;
          default -> throw new InvalidInputException("compress", "compress must be gzip or none");
        };
    ExportOptions options;
    try {
      options = new ExportOptions(separator, !Boolean.FALSE.equals(neutraliseFormulas), sqlDialect, Optional.ofNullable(table).orElse(defaultTable));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("table", e.getMessage());
    }
    return new ExportRequest(exportFormat, options, gzip);
  }

  /** The {@code dialect} parameter's dialect, MySQL when absent. */
  public static SqlDialect sqlDialect(String dialect) {
    return dialect == null ? SqlDialect.MYSQL : SqlDialect.parse(dialect)
        .orElseThrow(() -> new InvalidInputException("dialect", "dialect must be mysql or postgresql"));
  }
}
