package dev.doppel.bootstrap;

import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the built dashboard. Paths that are not files get index.html, so client-side routes such
 * as /projects/3/models/7 survive a reload; API and documentation paths never do.
 */
@Configuration
public class DashboardConfiguration implements WebMvcConfigurer {
  private static final Resource INDEX = new ClassPathResource("static/index.html");

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/**")
        .addResourceLocations("classpath:/static/")
        .resourceChain(true)
        .addResolver(
            new PathResourceResolver() {
              @Override
              protected Resource getResource(String path, Resource location) throws IOException {
                Resource file = location.createRelative(path);
                if (file.exists() && file.isReadable()) {
                  return file;
                }
                boolean backend = path.startsWith("api/") || path.startsWith("v3/") || path.startsWith("actuator/") || path.startsWith("swagger-ui");
                boolean asset = path.contains(".");
                return backend || asset || !INDEX.exists() ? null : INDEX;
              }
            });
  }
}
