package dev.doppel.bootstrap;

import dev.doppel.adapter.files.LocalFileStore;
import dev.doppel.adapter.files.ReadingLimits;
import dev.doppel.adapter.files.StreamingTableReader;
import dev.doppel.adapter.files.export.StreamingTableExporter;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.TableReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file adapter: stored files under the data directory, and the streaming readers and writers of tables. */
@Configuration
public class FilesWiring {
  @Bean
  LocalFileStore fileStore(DoppelProperties properties) {
    return new LocalFileStore(properties.dataDir().resolve("files"));
  }

  @Bean
  StreamingTableReader tableReader(FileStore files, DoppelProperties properties) {
    DoppelProperties.Upload upload = properties.upload();
    return new StreamingTableReader(
        files,
        new ReadingLimits(
            upload.maxColumns(), upload.maxFieldLength(), upload.maxColumnNameLength(), upload.maxRecordLength(),
            upload.maxParquetBlockSize().toBytes()));
  }

  @Bean
  StreamingTableExporter tableExporter(TableReader tables) {
    return new StreamingTableExporter(tables);
  }
}
