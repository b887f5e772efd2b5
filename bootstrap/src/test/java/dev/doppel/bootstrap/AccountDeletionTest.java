package dev.doppel.bootstrap;

import static dev.doppel.bootstrap.SynthesisJourneyTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountDeletionTest extends FullStackTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String PASSWORD = "a long enough password";

  @Test
  void deletingAnAccountRemovesEverythingItOwnsAndNothingOfAnotherUsers() {
    String leaving = unique("leaving");
    String token = api.signUp(leaving);
    String otherToken = api.signUp(unique("staying"));
    long project = api.createProject(token, "Mine");
    long dataset = api.upload(token, project, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
    long model = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula")).json().get("id").asLong();
    Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", WAIT);
    long batch = api.post("/api/generate", token, Map.of("modelId", model, "count", 10)).json().get("id").asLong();
    Polling.untilStatus(api, "/api/synthetic/" + batch, token, "COMPLETED", WAIT);
    long otherProject = api.createProject(otherToken, "Theirs");
    long otherDataset = api.upload(otherToken, otherProject, SharedDatasets.file("penguins.csv")).json().get("id").asLong();
    List<String> othersFiles = storedFiles().stream().filter(f -> f.startsWith("projects/" + otherProject + "/")).toList();
    assertThat(othersFiles).isNotEmpty();

    assertField(api.delete("/api/auth/account", token, Map.of("password", "not the password")), 400, "password", "not this account's password");
    assertField(api.delete("/api/auth/account", token, Map.of()), 400, "password", "required");
    assertThat(api.get("/api/projects/" + project, token).status()).isEqualTo(200);

    assertThat(api.delete("/api/auth/account", token, Map.of("password", PASSWORD)).status()).isEqualTo(204);

    assertThat(api.post("/api/auth/login", null, Map.of("username", leaving, "password", PASSWORD)).status()).isEqualTo(401);
    assertThat(storedFiles()).noneMatch(f -> f.startsWith("projects/" + project + "/"));
    assertThat(api.get("/api/datasets/" + otherDataset, otherToken).status()).isEqualTo(200);
    assertThat(storedFiles()).containsAll(othersFiles);
    assertThat(api.delete("/api/auth/account", null, Map.of("password", PASSWORD)).status()).isEqualTo(401);
  }
}
