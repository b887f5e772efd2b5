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
    upload = upload == null ? new Upload(null, 0, 0) : upload;
  }

  /**
   * @param maxFileSize largest file accepted (413 beyond)
   * @param maxColumns widest table accepted (413 beyond)
   * @param maxPreviewRows most rows one preview call returns
   */
  public record Upload(DataSize maxFileSize, int maxColumns, int maxPreviewRows) {
    public Upload {
      maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(2) : maxFileSize;
      maxColumns = maxColumns <= 0 ? 500 : maxColumns;
      maxPreviewRows = maxPreviewRows <= 0 ? 1000 : maxPreviewRows;
    }
  }
}
