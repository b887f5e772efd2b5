package dev.doppel.adapter.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the problem responses that the security filter and the error advice give, so operations
 * declare only what is particular to them: 401 on every secured operation, 400 wherever the request
 * has parameters or a body, 415 and 413 wherever it has a body, 404 wherever the path names a resource. Every 4xx or 5xx response,
 * these and those an operation declares with {@code @ApiResponse}, is application/problem+json with
 * the {@value #SCHEMA} schema. An operation that declares any response must declare its success too:
 * springdoc then leaves out the 200 it would otherwise infer.
 */
@Component
public class ProblemResponses implements OperationCustomizer {
  public static final String SCHEMA = "Problem";
  public static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  @Override
  public Operation customize(Operation operation, HandlerMethod handlerMethod) {
    ApiResponses responses = operation.getResponses();
    List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
    if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
      addIfAbsent(responses, HttpStatus.UNAUTHORIZED, "no valid bearer token: send one from POST /api/auth/login, or a personal API token");
    }
    if (operation.getRequestBody() != null || !parameters.isEmpty()) {
      addIfAbsent(responses, HttpStatus.BAD_REQUEST, "invalid input; 'field' names what to fix");
    }
    if (operation.getRequestBody() != null) {
      addIfAbsent(responses, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the body is not of the media type this operation reads");
      addIfAbsent(responses, HttpStatus.PAYLOAD_TOO_LARGE, "the body is larger than the configured limit (doppel.security.max-json-body-size, or the upload limit)");
    }
    if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
      addIfAbsent(responses, HttpStatus.NOT_FOUND, "nothing with this id is yours (another user's ids answer 404 too)");
    }
    // Replaces what springdoc infers from the method's return type for the error responses declared with @ApiResponse.
    responses.forEach(
        (code, response) -> {
          if (isProblem(code)) {
            response.setContent(problemContent());
          }
        });
    return operation;
  }

  private static void addIfAbsent(ApiResponses responses, HttpStatus status, String description) {
    String code = String.valueOf(status.value());
    if (!responses.containsKey(code)) {
      responses.addApiResponse(code, new ApiResponse().description(description));
    }
  }

  private static boolean isProblem(String code) {
    return code.startsWith("4") || code.startsWith("5");
  }

  static Content problemContent() {
    return new Content().addMediaType(MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
  }
}
