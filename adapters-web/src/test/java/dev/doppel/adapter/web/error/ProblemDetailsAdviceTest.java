package dev.doppel.adapter.web.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.application.port.out.NonEmptyTargetTableException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsAdviceTest {
  @RestController
  static class FailingController {
    @GetMapping("/api/failing")
    String fail() {
      throw new IllegalStateException("could not open /srv/doppel/files/users/7/secret.csv", new RuntimeException("at /home/doppel/.cache/doppel/venv"));
    }

    @GetMapping("/api/full-table")
    String fullTable() {
      throw new NonEmptyTargetTableException("synthetic", "People");
    }
  }

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController()).setControllerAdvice(new ProblemDetailsAdvice()).build();

  @Test
  void answersAnUnexpectedFailureWithAReferenceAndNoInternalsAndLogsTheDetailsUnderIt() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    MvcResult result;
    try {
      result = mvc.perform(get("/api/failing")).andReturn();
    } finally {
      logger.detachAppender(logs);
    }

    assertThat(result.getResponse().getStatus()).isEqualTo(500);
    assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
    String body = result.getResponse().getContentAsString();
    JsonNode problem = new ObjectMapper().readTree(body);
    String reference = problem.path("reference").asText();
    assertThat(reference).matches("[0-9a-f]{8}");
    assertThat(problem.path("detail").asText()).isEqualTo("something went wrong on our side; the error was logged (ref " + reference + ")");
    assertThat(body).doesNotContain("/srv").doesNotContain("venv").doesNotContain("IllegalStateException").doesNotContain("\tat ");
    assertThat(logs.list).singleElement().satisfies(event -> {
      assertThat(event.getFormattedMessage()).contains("ref " + reference).contains("/api/failing");
      assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).contains("/srv/doppel/files/users/7/secret.csv").contains(".cache/doppel/venv");
    });
  }

  @Test
  void answersATargetTableThatHoldsRowsWith409NamingTheTableAndTheWayOut() throws Exception {
    MvcResult result = mvc.perform(get("/api/full-table")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(409);
    assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = new ObjectMapper().readTree(result.getResponse().getContentAsString());
    assertThat(problem.path("table").asText()).isEqualTo("People");
    assertThat(problem.path("field").asText()).isEqualTo("replaceExisting");
    assertThat(problem.path("detail").asText()).isEqualTo("table synthetic.People already holds rows; choose to replace existing tables, or write into another schema");
  }
}
