package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Failed logins are limited per username; the limit's window is short here so the test can wait it out. */
class SignInThrottlingTest extends FullStackTest {
  private static final int PER_USERNAME = 10;
  private static final String PASSWORD = "a long enough password";

  @DynamicPropertySource
  static void throttle(DynamicPropertyRegistry registry) {
    registry.add("doppel.security.login-throttle.per-username", () -> PER_USERNAME);
    registry.add("doppel.security.login-throttle.window", () -> "12s");
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void answers429AfterTheThresholdUntilTheWindowHasPassed() throws Exception {
    String name = unique("target");
    api.signUp(name);
    // Registration counted once; the successful login of signUp gave its attempt back.
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 20; i++) {
      last = login(name, "wrong password " + i);
      statuses.add(last.statusCode());
    }

    assertThat(statuses.subList(0, PER_USERNAME - 1)).containsOnly(401);
    assertThat(statuses.subList(PER_USERNAME - 1, 20)).containsOnly(429);
    assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 12L);
    assertThat(last.body()).contains("too many sign-in attempts");

    assertThat(login(name, PASSWORD).statusCode()).as("the right password while throttled").isEqualTo(429);
    assertThat(login(unique("bystander"), "any password at all").statusCode()).as("another username").isEqualTo(401);

    Thread.sleep((retryAfter + 1) * 1000);
    assertThat(login(name, PASSWORD).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> login(String username, String password) throws Exception {
    String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
