package dev.doppel.adapter.web.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents that name the request field at fault. */
public final class Problems {
  public static final String FIELD = "field";

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String title, String detail, String field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("https://doppel.dev/problems/" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")));
    if (field != null) {
      problem.setProperty(FIELD, field);
    }
    return problem;
  }

  /** For filters that answer before Spring MVC's exception handling runs. */
  public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    json.writeValue(response.getOutputStream(), problem);
  }
}
