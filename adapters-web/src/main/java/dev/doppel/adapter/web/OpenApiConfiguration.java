package dev.doppel.adapter.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OpenApiConfiguration {
  @Bean
  OpenAPI doppelOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Doppel API")
                .version("v1")
                .description("Synthetic tabular data: upload a table, learn it, generate look-alike rows, score and export them. "
                    + "Errors are application/problem+json with a 'field' naming what to fix.")
                .license(new License().name("Proprietary")))
        .components(new Components().addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
  }
}
