package dev.doppel.bootstrap;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Uploads arrive in {@code <data-dir>/tmp} rather than the system's temporary folder, so that
 * everything the platform writes stays in the data directory, in sight of whoever runs it. The
 * server deletes each part when its request ends, however it ends; what a killed process left
 * there is deleted at the next start. A multipart request may be as large as the file limit plus
 * room for the form's other fields and part headers, never unbounded.
 */
@Configuration
public class MultipartConfiguration {
  static final DataSize FORM_FIELDS_MARGIN = DataSize.ofMegabytes(1);

  @Bean
  MultipartConfigElement multipartConfigElement(MultipartProperties multipart, DoppelProperties properties) {
    MultipartConfigElement configured = multipart.createMultipartConfig();
    Path location = emptyFolder(properties.dataDir().resolve("tmp"));
    long maxFileSize = configured.getMaxFileSize();
    long maxRequestSize = maxFileSize < 0 ? maxFileSize : maxFileSize + FORM_FIELDS_MARGIN.toBytes();
    return new MultipartConfigElement(location.toString(), maxFileSize, maxRequestSize, configured.getFileSizeThreshold());
  }

  private static Path emptyFolder(Path folder) {
    try {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> leftovers = Files.walk(folder)) {
          for (Path path : leftovers.filter(p -> !p.equals(folder)).sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
          }
        }
      }
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare the upload folder " + folder, e);
    }
  }
}
