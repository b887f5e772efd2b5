package dev.doppel.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** A tiny HTTP client for full-stack tests: real sockets, real JSON, real multipart. */
final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }

  Reply get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  /** The raw bytes and headers of a download. */
  HttpResponse<byte[]> download(String path, String token) {
    try {
      return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Reply delete(String path, String token) {
    return send(request(path, token).DELETE().build());
  }

  Reply delete(String path, String token, Object body) {
    return send(request(path, token).header("Content-Type", "application/json").method("DELETE", jsonBody(body)).build());
  }

  Reply post(String path, String token, Object body) {
    return send(request(path, token).header("Content-Type", "application/json").POST(jsonBody(body)).build());
  }

  /** A JSON request answered in the format {@code accept} names: the raw bytes and headers. */
  HttpResponse<byte[]> postAccepting(String path, String token, Object body, String accept) {
    try {
      return http.send(
          request(path, token).header("Content-Type", "application/json").header("Accept", accept).POST(jsonBody(body)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A multipart request with one file part named {@code file}. */
  Reply postFile(String path, String token, String fileName, byte[] content) {
    String boundary = "----doppel" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    return send(
        request(path, token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  Reply patch(String path, String token, Object body) {
    return send(request(path, token).header("Content-Type", "application/json").method("PATCH", jsonBody(body)).build());
  }

  Reply upload(String token, long projectId, String fileName, byte[] content) {
    return upload(token, projectId, fileName, content, null);
  }

  /** @param types the form field types (JSON text, sent as the dashboard and curl -F send it), or null to leave it out */
  Reply upload(String token, long projectId, String fileName, byte[] content, String types) {
    String boundary = "----doppel" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"projectId\"\r\n\r\n" + projectId + "\r\n");
    if (types != null) {
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"types\"\r\n\r\n" + types + "\r\n");
    }
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    return send(
        request("/api/datasets/upload", token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  Reply upload(String token, long projectId, Path file) {
    return upload(token, projectId, file.getFileName().toString(), file);
  }

  /** Streams the file as the multipart body, so a large file never sits in the test's heap. */
  Reply upload(String token, long projectId, String fileName, Path file) {
    String boundary = "----doppel" + UUID.randomUUID();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"projectId\"\r\n\r\n" + projectId + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    try {
      return send(
          request("/api/datasets/upload", token)
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.concat(
                  HttpRequest.BodyPublishers.ofString(head),
                  HttpRequest.BodyPublishers.ofFile(file),
                  HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers and logs in, returning the bearer token. */
  String signUp(String username) {
    Map<String, String> credentials = Map.of("username", username, "password", "a long enough password");
    Reply registered = post("/api/auth/register", null, credentials);
    if (registered.status() != 201) {
      throw new AssertionError("registration failed: " + registered);
    }
    return login(username, "a long enough password");
  }

  String login(String username, String password) {
    Reply login = post("/api/auth/login", null, Map.of("username", username, "password", password));
    if (login.status() != 200) {
      throw new AssertionError("login failed: " + login);
    }
    return login.json().get("token").asText();
  }

  long createProject(String token, String name) {
    Reply created = post("/api/projects", token, Map.of("name", name, "description", "test"));
    if (created.status() != 201) {
      throw new AssertionError("project creation failed: " + created);
    }
    return created.json().get("id").asLong();
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static HttpRequest.BodyPublisher jsonBody(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
