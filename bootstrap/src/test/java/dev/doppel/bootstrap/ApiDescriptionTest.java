package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document says what every operation answers, success and problems alike, so
 * clients and the schemathesis run of the test command can hold the API to it. Checked over every
 * operation the document lists, so a new endpoint is held to the same rules.
 */
class ApiDescriptionTest extends FullStackTest {
  private static final String PROBLEM_JSON = "application/problem+json";

  record Operation(String path, String method, JsonNode spec) {
    JsonNode responses() {
      return spec.get("responses");
    }

    List<String> codes() {
      List<String> codes = new ArrayList<>();
      responses().fieldNames().forEachRemaining(codes::add);
      return codes;
    }

    boolean hasInput() {
      return spec.has("requestBody") || (spec.has("parameters") && !spec.get("parameters").isEmpty());
    }

    boolean hasPathParameter() {
      return spec.has("parameters") && StreamSupport.stream(spec.get("parameters").spliterator(), false).anyMatch(p -> p.get("in").asText().equals("path"));
    }

    @Override
    public String toString() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }
  }

  List<Operation> operations;

  @BeforeEach
  void readTheDescription() {
    Api.Reply docs = api.get("/v3/api-docs", null);
    assertThat(docs.status()).isEqualTo(200);
    operations = new ArrayList<>();
    docs.json().get("paths").fields().forEachRemaining(
        path -> path.getValue().fields().forEachRemaining(method -> operations.add(new Operation(path.getKey(), method.getKey(), method.getValue()))));
    assertThat(operations).hasSizeGreaterThan(20);
  }

  private List<Operation> violating(Predicate<Operation> rule) {
    return operations.stream().filter(rule.negate()).toList();
  }

  @Test
  void everyOperationDocumentsASuccessStatus() {
    assertThat(violating(o -> o.codes().stream().anyMatch(c -> c.startsWith("2")))).isEmpty();
  }

  @Test
  void everyOperationDocumentsProblemResponsesAsProblemJson() {
    assertThat(violating(o -> o.codes().stream().anyMatch(c -> c.startsWith("4")))).isEmpty();
    assertThat(
            violating(o -> o.codes().stream()
                .filter(c -> c.startsWith("4") || c.startsWith("5"))
                .allMatch(c -> o.responses().get(c).path("content").path(PROBLEM_JSON).path("schema").path("$ref").asText()
                    .equals("#/components/schemas/Problem"))))
        .isEmpty();
  }

  @Test
  void everyOperationWithInputDocumentsBadRequest() {
    assertThat(violating(o -> !o.hasInput() || o.codes().contains("400"))).isEmpty();
  }

  @Test
  void everyOperationNamingAResourceInItsPathDocumentsNotFound() {
    assertThat(violating(o -> !o.hasPathParameter() || o.codes().contains("404"))).isEmpty();
  }

  @Test
  void deletesDocumentNoContentAsTheirOnlySuccess() {
    assertThat(violating(o -> !o.method().equals("delete") || o.codes().stream().filter(c -> c.startsWith("2")).toList().equals(List.of("204"))))
        .isEmpty();
  }

  /** The seed's bounds come from the shared table rules, not from an annotation. */
  @Test
  void documentsTheSeedsRangeAndTheUploadsTypes() {
    JsonNode docs = api.get("/v3/api-docs", null).json();
    for (String request : List.of("TrainRequest", "GenerateRequest")) {
      JsonNode seed = docs.path("components").path("schemas").path(request).path("properties").path("seed");
      assertThat(seed.path("minimum").isNumber()).as(request + " " + seed).isTrue();
      assertThat(seed.path("minimum").asLong()).isZero();
      assertThat(seed.path("maximum").asLong()).as(request + " " + seed).isEqualTo(4_294_967_295L);
    }
    assertThat(docs.path("paths").path("/api/datasets/upload").path("post").path("requestBody").toString()).contains("\"types\"");
  }

  /** Controllers take the signed-in caller as a UserId parameter; it comes from the token, never from the request. */
  @Test
  void noOperationAsksForTheCaller() {
    List<String> asking = new ArrayList<>();
    for (Operation operation : operations) {
      for (JsonNode parameter : operation.spec().path("parameters")) {
        if (parameter.path("name").asText().equals("caller") || parameter.toString().contains("UserId")) {
          asking.add(operation + " " + parameter.path("name").asText());
        }
      }
    }
    assertThat(asking).isEmpty();
    assertThat(api.get("/v3/api-docs", null).json().path("components").path("schemas").has("UserId")).isFalse();
  }

  /** Asks the running app rather than the document, so an operation that forgets its security requirement is caught too. */
  @Test
  void everyOperationThatAnswersUnauthorizedWithoutATokenDocumentsIt() {
    HttpClient http = HttpClient.newHttpClient();
    List<Operation> undocumented = new ArrayList<>();
    for (Operation operation : operations) {
      URI uri = URI.create("http://127.0.0.1:" + port + operation.path().replaceAll("\\{[^}]+}", "1"));
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/json")
              .method(operation.method().toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.ofString("{}"))
              .build();
      int status = send(http, request);
      if (status == 401 && !operation.codes().contains("401")) {
        undocumented.add(operation);
      }
      assertThat(status).as(operation.toString()).isLessThan(500);
    }
    assertThat(undocumented).isEmpty();
    assertThat(violating(o -> o.codes().contains("401") == o.spec().has("security") || o.path().equals("/api/auth/login"))).isEmpty();
  }

  private static int send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
