package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Request bodies are bounded before they are read, and no client can keep a worker reading forever. */
class RequestLimitsTest extends FullStackTest {
  private static final int JSON_LIMIT = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void refusesAJsonBodyOverTheLimitWith413NamingTheBody() throws Exception {
    String token = api.signUp(unique("big"));
    String description = "x".repeat(JSON_LIMIT);

    HttpResponse<String> reply = postJson(token, HttpRequest.BodyPublishers.ofString(projectJson(description)));

    assertThat(reply.statusCode()).isEqualTo(413);
    assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(JSON.readTree(reply.body()).get("field").asText()).isEqualTo("body");
    assertThat(JSON.readTree(reply.body()).get("detail").asText()).contains(String.valueOf(JSON_LIMIT));
    assertThat(api.get("/api/projects", token).json()).isEmpty();
  }

  @Test
  void refusesAJsonBodyOfUndeclaredLengthOnceItPassesTheLimit() throws Exception {
    String token = api.signUp(unique("chunked"));
    byte[] body = projectJson("y".repeat(JSON_LIMIT + 512 * 1024)).getBytes(StandardCharsets.UTF_8);

    // From a stream, the client sends chunks without a Content-Length.
    HttpResponse<String> reply = postJson(token, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(413);
    assertThat(JSON.readTree(reply.body()).get("field").asText()).isEqualTo("body");
    assertThat(api.get("/api/projects", token).json()).isEmpty();
  }

  @Test
  void acceptsAJsonBodyJustUnderTheLimit() throws Exception {
    String token = api.signUp(unique("fits"));
    HttpResponse<String> reply = postJson(token, HttpRequest.BodyPublishers.ofString(projectJson("z".repeat(1000))));
    assertThat(reply.statusCode()).isEqualTo(201);
  }

  @Test
  void refusesAMultipartRequestLargerThanTheFileLimitPlusMarginBeforeReadingIt() throws Exception {
    String token = api.signUp(unique("multi"));
    long declared = UPLOAD_LIMIT_BYTES + 2L * 1024 * 1024;

    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/datasets/upload HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
          + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + declared + "\r\n\r\n"
          + "--xyz\r\nContent-Disposition: form-data; name=\"projectId\"\r\n\r\n1\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();

      String head = readHead(socket.getInputStream());
      assertThat(head).startsWith("HTTP/1.1 413");
      assertThat(head).containsIgnoringCase("application/problem+json");
    }
  }

  @Test
  void stopsReadingTheBodyOfAnUnauthenticatedRequestAfterAnswering() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/projects HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 401");

      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'a');
      byte[] chunkHeader = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      // The server reads at most max-swallow-size (2 MB) of what follows, then closes the connection.
      assertThatThrownBy(() -> {
        for (int i = 0; i < 1024; i++) {
          out.write(chunkHeader);
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      }).as("64 MB after the answer were all read").isInstanceOf(IOException.class);
    }
  }

  private HttpResponse<String> postJson(String token, HttpRequest.BodyPublisher body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/projects"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(body)
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String projectJson(String description) {
    return "{\"name\":\"limits\",\"description\":\"" + description + "\"}";
  }

  /** The status line and headers of the answer, read byte by byte up to the blank line. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }
}
