package dev.doppel.adapter.files;

/**
 * Bounds that reading an uploaded table checks as the bytes arrive, so that no single record,
 * field or Parquet block can take more memory than these allow, whatever the file declares.
 *
 * @param maxColumns the widest table accepted; a header stops being read at the next field
 * @param maxFieldChars the longest value, CSV or Parquet
 * @param maxColumnNameChars the longest column name
 * @param maxRecordChars the longest CSV record, delimiters and quotes included
 * @param maxParquetBlockBytes the most a Parquet row group's column chunks (as stored) or one of
 *     its pages (decompressed) may take
 */
public record ReadingLimits(int maxColumns, int maxFieldChars, int maxColumnNameChars, int maxRecordChars, long maxParquetBlockBytes) {
  public static final ReadingLimits DEFAULT = new ReadingLimits(500, 1_000_000, 256, 10_000_000, 128L * 1024 * 1024);

  public ReadingLimits {
    if (maxColumns < 1 || maxFieldChars < 1 || maxColumnNameChars < 1 || maxRecordChars < 1 || maxParquetBlockBytes < 1) {
      throw new IllegalArgumentException("reading limits must be positive");
    }
  }
}
