package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the API fuzzing found, kept fixed: bodies the description forbids answer 400, never 200 or 500. */
class RequestValidationTest extends FullStackTest {
  private static void assertBadRequest(Reply reply, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("field").asText()).isEqualTo(field);
  }

  @Test
  void aUrlTheFirewallRefusesIsAnsweredAsProblemJson() {
    String token = api.signUp(unique("percent"));

    Api.Reply refused = api.post("/api/database-models/%25/generate", token, Map.of("scale", 1));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asText()).contains("not accepted");
  }

  @Test
  void rejectsAProjectDescriptionOverTheLimitNamingIt() {
    String token = api.signUp(unique("describer"));

    assertBadRequest(api.post("/api/projects", token, Map.of("name", "Census", "description", "x".repeat(2001))), "description");
    assertThat(api.get("/api/projects", token).json()).isEmpty();
  }

  @Test
  void rejectsANumberWhereTextIsExpected() {
    String token = api.signUp(unique("typist"));
    long project = api.createProject(token, "Census");

    assertBadRequest(api.patch("/api/projects/" + project, token, Map.of("description", 42)), "body");
    assertBadRequest(api.post("/api/projects", token, Map.of("name", true)), "body");
    assertThat(api.get("/api/projects/" + project, token).json().get("description").asText()).isEqualTo("test");
  }

  @Test
  void listsAllOfTheCallersModelsWithoutAFilter() {
    String token = api.signUp(unique("lister"));
    long first = trainIn(token, "First");
    long second = trainIn(token, "Second");
    trainIn(api.signUp(unique("stranger")), "Theirs");

    Reply all = api.get("/api/models", token);

    assertThat(all.status()).as(all.toString()).isEqualTo(200);
    List<Long> listed = new ArrayList<>();
    for (JsonNode model : all.json()) {
      listed.add(model.get("id").asLong());
    }
    assertThat(listed).containsExactly(second, first);
  }

  private long trainIn(String token, String projectName) {
    long project = api.createProject(token, projectName);
    long dataset = api.upload(token, project, SampleTables.file("penguins.csv")).json().get("id").asLong();
    return api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula")).json().get("id").asLong();
  }
}
