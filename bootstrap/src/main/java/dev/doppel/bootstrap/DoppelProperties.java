package dev.doppel.bootstrap;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param dataDir where the embedded database, uploaded files and the generated signing key live
 * @param upload limits on uploaded tables
 */
@ConfigurationProperties(prefix = "doppel")
public record DoppelProperties(Path dataDir, Upload upload) {
  public DoppelProperties {
    dataDir = (dataDir == null ? Path.of(".doppel-data") : dataDir).toAbsolutePath().normalize();
    upload = upload == null ? new Upload(null, 0, 0, 0, 0, 0, null) : upload;
  }

  /**
   * @param maxFileSize largest file accepted (413 beyond)
   * @param maxColumns widest table accepted (413 beyond)
   * @param maxPreviewRows most rows one preview call returns
   * @param maxFieldLength longest value, CSV or Parquet, in characters (413 beyond)
   * @param maxColumnNameLength longest column name, in characters (400 beyond)
   * @param maxRecordLength longest CSV record, in characters (413 beyond)
   * @param maxParquetBlockSize largest Parquet row group as stored, or page decompressed (413 beyond)
   */
  public record Upload(
      DataSize maxFileSize,
      int maxColumns,
      int maxPreviewRows,
      int maxFieldLength,
      int maxColumnNameLength,
      int maxRecordLength,
      DataSize maxParquetBlockSize) {
    public Upload {
      maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(2) : maxFileSize;
      maxColumns = maxColumns <= 0 ? 500 : maxColumns;
      maxPreviewRows = maxPreviewRows <= 0 ? 1000 : maxPreviewRows;
      maxFieldLength = maxFieldLength <= 0 ? 1_000_000 : maxFieldLength;
      maxColumnNameLength = maxColumnNameLength <= 0 ? 256 : maxColumnNameLength;
      maxRecordLength = maxRecordLength <= 0 ? 10_000_000 : maxRecordLength;
      maxParquetBlockSize = maxParquetBlockSize == null ? DataSize.ofMegabytes(128) : maxParquetBlockSize;
    }
  }
}
