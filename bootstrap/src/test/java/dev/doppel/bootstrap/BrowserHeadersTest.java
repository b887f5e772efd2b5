package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The dashboard, the API and their error answers all tell browsers to lock them down. */
class BrowserHeadersTest extends FullStackTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void dashboardPageCarriesTheBrowserHeaders() throws Exception {
    HttpResponse<String> page = get("/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertLockedDown(page.headers());
  }

  @Test
  void apiAnswersAndErrorsCarryTheBrowserHeaders() throws Exception {
    String token = api.signUp(unique("headers"));
    assertLockedDown(get("/api/projects", token).headers());
    assertLockedDown(get("/api/projects", null).headers());
  }

  @Test
  void swaggerUiMayUseInlineStylesButNothingElseInline() throws Exception {
    HttpHeaders headers = get("/swagger-ui/index.html", null).headers();
    assertCommonHeaders(headers);
    String policy = headers.firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("script-src 'self';", "style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
  }

  private static void assertLockedDown(HttpHeaders headers) {
    String policy = headers.firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
    assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
    assertCommonHeaders(headers);
  }

  private static void assertCommonHeaders(HttpHeaders headers) {
    assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
