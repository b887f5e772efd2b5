package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UndeclaredMethodTest extends FullStackTest {
  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static Set<String> allowed(HttpResponse<String> response) {
    return Arrays.stream(response.headers().firstValue("Allow").orElse("").split(",")).map(String::strip).collect(Collectors.toSet());
  }

  @Test
  void undeclaredMethodAnswers405NamingTheAllowedOnes() throws Exception {
    String token = api.signUp(unique("methods"));

    HttpResponse<String> put = send("PUT", "/api/algorithms", token);

    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(allowed(put)).contains("GET").doesNotContain("PUT");
  }

  @Test
  void methodOutsideTheServletApiAnswers405() throws Exception {
    String token = api.signUp(unique("querier"));

    HttpResponse<String> query = send("QUERY", "/api/projects", token);

    assertThat(query.statusCode()).isEqualTo(405);
    assertThat(allowed(query)).contains("GET", "POST");
  }

  @Test
  void theActionPathsBesideAnIdPathAllowOnlyTheirOwnMethod() throws Exception {
    String token = api.signUp(unique("actions"));

    for (String path : new String[] {"/api/datasets/upload", "/api/models/train"}) {
      HttpResponse<String> get = send("GET", path, token);
      assertThat(get.statusCode()).as(path).isEqualTo(405);
      assertThat(allowed(get)).as(path).contains("POST").doesNotContain("GET", "DELETE");
    }
    assertThat(send("GET", "/api/datasets/uploaded", token).statusCode()).isEqualTo(400);
  }

  @Test
  void undeclaredMethodStillNeedsAToken() throws Exception {
    assertThat(send("QUERY", "/api/projects", "not-a-token").statusCode()).isEqualTo(401);
  }

  @Test
  void traceAnswers405AndNeverEchoesTheRequest() throws Exception {
    String token = api.signUp(unique("tracer"));

    HttpResponse<String> trace = send("TRACE", "/api/projects", token);

    assertThat(trace.statusCode()).isEqualTo(405);
    assertThat(allowed(trace)).contains("GET", "POST").doesNotContain("TRACE");
    assertThat(trace.body()).contains("TRACE is not supported here").doesNotContain(token);
  }
}
