package dev.doppel.domain.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats a table can be downloaded as. */
public enum ExportFormat {
  CSV("text/csv", "csv"),
  JSON("application/json", "json"),
  JSONL("application/x-ndjson", "jsonl"),
  SQL("application/sql", "sql"),
  PARQUET("application/vnd.apache.parquet", "parquet");

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  public static Optional<ExportFormat> parse(String name) {
    return Arrays.stream(values()).filter(f -> f.extension.equals(name == null ? "" : name.toLowerCase(Locale.ROOT))).findFirst();
  }

  public static String valid() {
    return String.join(", ", Arrays.stream(values()).map(ExportFormat::extension).toList());
  }
}
