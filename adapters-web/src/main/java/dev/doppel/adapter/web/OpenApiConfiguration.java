package dev.doppel.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.domain.user.UserId;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OpenApiConfiguration {
  static {
    // The signed-in caller (CallerArgumentResolver) comes from the token, never from the request.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(UserId.class);
    // A JSON tree in a response (the engine's evaluation report) is an open object, not a JsonNode bean.
    SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
  }

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
        .components(
            new Components()
                .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("A sign-in token from POST /api/auth/login, or a personal API token (dpl_…) from POST /api/auth/tokens."
                        + " A read-scoped API token answers 403 to anything but GET and HEAD; no API token may change the account or"
                        + " manage tokens (403)."))
                .addSchemas(ProblemResponses.SCHEMA, problemSchema()));
  }

  /** The problem documents of {@code Problems}: RFC 9457 members plus the request field at fault. */
  private static ObjectSchema problemSchema() {
    ObjectSchema problem = new ObjectSchema();
    problem.description("RFC 9457 problem details");
    problem.addProperty("type", new StringSchema().format("uri-reference").description("identifies the kind of problem"));
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema().description("the HTTP status"));
    problem.addProperty("detail", new StringSchema().description("what went wrong, in words a user can act on"));
    problem.addProperty("instance", new StringSchema().format("uri-reference").description("the request path"));
    problem.addProperty("field", new StringSchema().description("the request field, parameter or header to fix"));
    problem.setRequired(List.of("title", "status"));
    return problem;
  }
}
