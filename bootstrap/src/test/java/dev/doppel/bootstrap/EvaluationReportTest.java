package dev.doppel.bootstrap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluation as a downloadable HTML page, through the running app: a stored evaluation of a table
 * whose column and file names are markup comes back escaped, as a locked-down attachment, to its owner only.
 */
class EvaluationReportTest extends FullStackTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String HOSTILE_COLUMN = "<script>alert(\"owned\")</script>";
  private static final String HOSTILE_FILE = "<img src=x onerror=alert(1)>.csv";

  @Test
  void rendersAStoredEvaluationAsOneLockedDownHtmlAttachmentForItsOwnerOnly() {
    String owner = api.signUp(unique("report"));
    long model = trainedModel(owner, "GaussianCopula", Map.of());
    Polling.untilStatus(api, "/api/models/" + model + "/evaluation", owner, "COMPLETED", WAIT);

    HttpResponse<byte[]> report = api.download("/api/models/" + model + "/evaluation/report", owner);

    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).isEqualToIgnoringCase("text/html;charset=UTF-8"));
    assertThat(report.headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"img_src_x_onerror_alert_1_-model-" + model + "-GaussianCopula-evaluation.html\"");
    assertThat(report.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assertThat(report.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    String page = new String(report.body(), UTF_8);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("In short", "Realism 80%", "<svg");
    assertThat(page).doesNotContain(HOSTILE_COLUMN, "<img", "<script");
    assertThat(page).contains("<h3>&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;</h3>", "&lt;img src=x onerror=alert(1)&gt;.csv");

    String stranger = api.signUp(unique("stranger"));
    Api.Reply notTheirs = api.get("/api/models/" + model + "/evaluation/report", stranger);
    assertThat(notTheirs.status()).isEqualTo(404);
    assertThat(notTheirs.contentType()).startsWith("application/problem+json");
    assertThat(notTheirs.body()).doesNotContain("owned", "img");
  }

  @Test
  void answersWithAProblemWhileThereIsNoReport() {
    String owner = api.signUp(unique("no-report"));
    long failing = trainedModel(owner, "TestScripted", Map.of("script", "fail_long_in_evaluation"));
    Polling.untilStatus(api, "/api/models/" + failing + "/evaluation", owner, "FAILED", WAIT);

    Api.Reply failed = api.get("/api/models/" + failing + "/evaluation/report", owner);

    assertThat(failed.status()).isEqualTo(409);
    assertThat(failed.contentType()).startsWith("application/problem+json");
    assertThat(failed.json().get("detail").asText()).contains("evaluation of model " + failing + " failed").contains("there is no report");

    long training = trainedModel(owner, "TestHang", Map.of());
    try {
      Polling.untilStatus(api, "/api/models/" + training + "/status", owner, "TRAINING", WAIT);
      Api.Reply untrained = api.get("/api/models/" + training + "/evaluation/report", owner);
      assertThat(untrained.status()).isEqualTo(404);
      assertThat(untrained.json().get("field").asText()).isEqualTo("id");
    } finally {
      // It would hold the one training worker for the tests after this one.
      assertThat(api.post("/api/models/" + training + "/cancel", owner, Map.of()).status()).isEqualTo(200);
    }
  }

  /** Queues a training on a two-column table whose file and first column are named like markup. */
  private long trainedModel(String token, String algorithm, Map<String, Object> settings) {
    long project = api.createProject(token, "Reports");
    String csv = "\"" + HOSTILE_COLUMN.replace("\"", "\"\"") + "\",amount\nyes,1\nno,2\nyes,3\n";
    long dataset = api.upload(token, project, HOSTILE_FILE, csv.getBytes(UTF_8)).json().get("id").asLong();
    Api.Reply queued = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", algorithm, "settings", settings));
    assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
    return queued.json().get("id").asLong();
  }
}
