package dev.doppel.bootstrap;

import static dev.doppel.bootstrap.SynthesisJourneyTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The permissive-only install: no SDV, so the catalogue offers TabularARGN alone. */
class PermissiveEngineTest extends FullStackTest {

  @Test
  void offersOnlyTabularArgnAndRefusesSdvAlgorithmsClearly() {
    String token = api.signUp(unique("permissive"));
    long project = api.createProject(token, "Permissive");
    long dataset = api.upload(token, project, SampleTables.file("penguins.csv")).json().get("id").asLong();

    var algorithms = api.get("/api/algorithms", token).json().get("algorithms");
    assertThat(java.util.stream.StreamSupport.stream(algorithms.spliterator(), false).map(a -> a.get("name").asText())).containsExactly("TabularARGN");
    assertField(api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", "GaussianCopula")), 400, "algorithm", "TabularARGN");
  }
}
