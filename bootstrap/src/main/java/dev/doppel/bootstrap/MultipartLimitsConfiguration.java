package dev.doppel.bootstrap;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * A multipart request may be as large as the file limit plus room for the form's other fields and
 * part headers, never unbounded; everything else comes from {@code spring.servlet.multipart}.
 */
@Configuration
class MultipartLimitsConfiguration {
  static final DataSize FORM_FIELDS_MARGIN = DataSize.ofMegabytes(1);

  @Bean
  MultipartConfigElement multipartConfigElement(MultipartProperties multipart) {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    factory.setLocation(multipart.getLocation());
    factory.setFileSizeThreshold(multipart.getFileSizeThreshold());
    factory.setMaxFileSize(multipart.getMaxFileSize());
    factory.setMaxRequestSize(DataSize.ofBytes(multipart.getMaxFileSize().toBytes() + FORM_FIELDS_MARGIN.toBytes()));
    return factory.createMultipartConfig();
  }
}
