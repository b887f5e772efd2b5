package dev.doppel.adapter.web.download;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The 200 of a table download: the file in the format asked for, gzipped with compress=gzip. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "200",
    description = "the table, streamed as an attachment",
    content = {
      @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
      @Content(mediaType = "application/json", schema = @Schema(type = "string", format = "binary")),
      @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string", format = "binary")),
      @Content(mediaType = "application/sql", schema = @Schema(type = "string", format = "binary")),
      @Content(mediaType = "application/vnd.apache.parquet", schema = @Schema(type = "string", format = "binary")),
      @Content(mediaType = "application/gzip", schema = @Schema(type = "string", format = "binary"))
    })
@interface TableDownloadResponse {}
