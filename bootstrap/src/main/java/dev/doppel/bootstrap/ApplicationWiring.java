package dev.doppel.bootstrap;

import dev.doppel.adapter.files.LocalFileStore;
import dev.doppel.adapter.files.StreamingTableReader;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.PasswordHasher;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.application.port.out.TokenIssuer;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.application.service.DatasetService;
import dev.doppel.application.service.ProjectService;
import dev.doppel.application.service.UploadLimits;
import dev.doppel.application.service.UserAccountService;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects the use cases to the adapters that implement their ports. */
@Configuration
public class ApplicationWiring {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  LocalFileStore fileStore(DoppelProperties properties) {
    return new LocalFileStore(properties.dataDir().resolve("files"));
  }

  @Bean
  StreamingTableReader tableReader(FileStore files) {
    return new StreamingTableReader(files);
  }

  @Bean
  UserAccountService userAccountService(UserStore users, PasswordHasher hasher, TokenIssuer tokens) {
    return new UserAccountService(users, hasher, tokens);
  }

  @Bean
  ProjectService projectService(ProjectStore projects, FileStore files, Clock clock) {
    return new ProjectService(projects, files, clock);
  }

  @Bean
  DatasetService datasetService(
      ProjectStore projects, DatasetStore datasets, FileStore files, TableReader tables, Clock clock, DoppelProperties properties) {
    DoppelProperties.Upload upload = properties.upload();
    UploadLimits limits =
        new UploadLimits(upload.maxFileSize().toBytes(), upload.maxColumns(), upload.maxPreviewRows(), ProfilingLimits.DEFAULT);
    return new DatasetService(projects, datasets, files, tables, clock, limits);
  }
}
