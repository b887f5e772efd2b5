package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sampling within the request, and conditional generation (fixed values, partial rows, target
 * shares, imputation) through HTTP, on the test engine and (with -Ddoppel.test.engine=python) on
 * the real engine's warm workers.
 */
class InteractiveSamplingTest extends FullStackTest {
  private static final Duration TRAINING = Duration.ofMinutes(4);
  private String token;
  private long model;

  @BeforeEach
  void trainOnPenguins() {
    token = api.signUp(unique("sampling"));
    long project = api.createProject(token, "Penguins");
    long dataset = api.upload(token, project, SampleTables.file("penguins.csv")).json().get("id").asLong();
    model = train(dataset, "GaussianCopula");
  }

  private long train(long dataset, String algorithm) {
    Reply accepted = api.post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", algorithm, "seed", 7));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    long id = accepted.json().get("id").asLong();
    Polling.untilStatus(api, "/api/models/" + id + "/status", token, "COMPLETED", TRAINING);
    return id;
  }

  private Reply sample(Map<String, Object> request) {
    return api.post("/api/models/" + model + "/sample", token, request);
  }

  private static List<String> column(JsonNode rows, String name) {
    List<String> values = new ArrayList<>();
    rows.forEach(row -> values.add(row.get(name).asText()));
    return values;
  }

  @Test
  void samplesRowsWithinTheRequestAsJsonCsvOrParquetAndTheSameSeedGivesTheSameRows() {
    Reply first = sample(Map.of("rows", 50, "seed", 11));
    Reply again = sample(Map.of("rows", 50, "seed", 11));

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    JsonNode json = first.json();
    assertThat(json.get("count").asLong()).isEqualTo(50);
    assertThat(json.get("seed").asLong()).isEqualTo(11);
    assertThat(json.get("rows")).hasSize(50);
    assertThat(json.get("columns")).extracting(JsonNode::asText)
        .containsExactly("species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "year");
    assertThat(json.get("rows").get(0).has("species")).isTrue();
    assertThat(json.get("engine").get("modelLoad").asText()).isIn("loaded", "cached");
    assertThat(again.json().get("rows")).isEqualTo(json.get("rows"));
    assertThat(again.json().get("engine").get("modelLoad").asText()).as("the second sample finds the model warm").isEqualTo("cached");

    HttpResponse<byte[]> csv = api.postAccepting("/api/models/" + model + "/sample", token, Map.of("rows", 20, "seed", 11), "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Doppel-Seed")).contains("11");
    List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(21);
    assertThat(lines.get(0)).isEqualTo("species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year");

    HttpResponse<byte[]> parquet = api.postAccepting("/api/models/" + model + "/sample", token, Map.of("rows", 20), "application/vnd.apache.parquet");
    assertThat(parquet.statusCode()).isEqualTo(200);
    assertThat(new String(parquet.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");

    HttpResponse<byte[]> xml = api.postAccepting("/api/models/" + model + "/sample", token, Map.of("rows", 20), "application/xml");
    assertThat(xml.statusCode()).isEqualTo(406);
    assertThat(storedFiles()).as("no sample file is left behind").noneMatch(path -> path.contains("/samples/"));
  }

  @Test
  void fixedValuesSharesAndPartialRowsShapeTheSampledRows() {
    Reply fixed = sample(Map.of("rows", 40, "seed", 3, "conditions", Map.of("species", "Gentoo")));
    assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
    assertThat(column(fixed.json().get("rows"), "species")).hasSize(40).containsOnly("Gentoo");

    Reply shares = sample(Map.of("rows", 40, "seed", 3, "shares", Map.of("island", Map.of("Biscoe", 0.25, "Dream", 0.75))));
    assertThat(shares.status()).as(shares.toString()).isEqualTo(200);
    List<String> islands = column(shares.json().get("rows"), "island");
    assertThat(islands.stream().filter("Biscoe"::equals).count()).isEqualTo(10);
    assertThat(islands.stream().filter("Dream"::equals).count()).isEqualTo(30);

    Reply partial = sample(Map.of("seed", 3, "partialRows", List.of(Map.of("species", "Chinstrap"), Map.of("island", "Torgersen", "sex", "male"))));
    assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
    JsonNode rows = partial.json().get("rows");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("species").asText()).isEqualTo("Chinstrap");
    assertThat(rows.get(1).get("island").asText()).isEqualTo("Torgersen");
    assertThat(rows.get(1).get("sex").asText()).isEqualTo("male");
  }

  @Test
  void anImpossibleConditionIsRefusedNamingTheFieldAndTheColumn() {
    Reply unseen = sample(Map.of("conditions", Map.of("species", "Dodo")));
    assertThat(unseen.status()).as(unseen.toString()).isEqualTo(400);
    assertThat(unseen.json().get("field").asText()).isEqualTo("conditions");
    assertThat(unseen.json().get("detail").asText()).contains("species").contains("Dodo").contains("Gentoo");

    Reply noSuchColumn = sample(Map.of("shares", Map.of("beak_colour", Map.of("red", 1.0))));
    assertThat(noSuchColumn.status()).isEqualTo(400);
    assertThat(noSuchColumn.json().get("field").asText()).isEqualTo("shares");
    assertThat(noSuchColumn.json().get("detail").asText()).contains("beak_colour");

    Reply notSummingToOne = sample(Map.of("shares", Map.of("island", Map.of("Biscoe", 0.5, "Dream", 0.2))));
    assertThat(notSummingToOne.status()).isEqualTo(400);
    assertThat(notSummingToOne.json().get("detail").asText()).contains("island").contains("sum to 1");

    Reply twoKinds = sample(Map.of("conditions", Map.of("species", "Gentoo"), "shares", Map.of("island", Map.of("Biscoe", 1.0))));
    assertThat(twoKinds.status()).isEqualTo(400);
    assertThat(twoKinds.json().get("detail").asText()).contains("at most one");
    assertThat(api.post("/api/models/" + (model + 1000) + "/sample", token, Map.of("conditions", Map.of("a", 1), "shares", Map.of())).status())
        .as("a model that is not the caller's answers 404 before its fields are read").isEqualTo(404);
    assertThat(api.postAccepting("/api/models/" + model + "/sample", token, Map.of("rows", 2), "not a media type").statusCode())
        .as("an unreadable Accept asks for nothing in particular").isEqualTo(200);

    Reply tooMany = sample(Map.of("rows", 10_001));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("field").asText()).isEqualTo("rows");

    long batchesBefore = api.get("/api/models/" + model + "/batches", token).json().size();
    Reply generate = api.post("/api/generate", token, Map.of("modelId", model, "count", 100, "conditions", Map.of("species", "Dodo")));
    assertThat(generate.status()).as("refused before any batch is queued").isEqualTo(400);
    assertThat(generate.json().get("field").asText()).isEqualTo("conditions");
    assertThat(api.get("/api/models/" + model + "/batches", token).json()).hasSize((int) batchesBefore);
  }

  @Test
  void generatesABatchWithFixedValuesAndAnotherThatFillsInTheEmptyCellsOfAnUploadedTable() throws Exception {
    Reply generate = api.post("/api/generate", token, Map.of("modelId", model, "count", 300, "seed", 5, "conditions", Map.of("sex", "female")));
    assertThat(generate.status()).as(generate.toString()).isEqualTo(202);
    long batch = generate.json().get("id").asLong();
    Polling.untilStatus(api, "/api/synthetic/" + batch, token, "COMPLETED", TRAINING);
    List<String> lines = new String(api.download("/api/synthetic/" + batch + "/download?format=csv", token).body(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(301);
    assertThat(lines.stream().skip(1).map(line -> line.split(",", -1)[6])).containsOnly("female");

    List<String> real = Files.readAllLines(SampleTables.file("penguins.csv")).subList(0, 41);
    List<String[]> holed = new ArrayList<>();
    StringBuilder upload = new StringBuilder(real.get(0)).append('\n');
    for (int i = 1; i < real.size(); i++) {
      String[] cells = real.get(i).split(",", -1);
      for (int c = 1; c < cells.length; c++) {
        if ((i * 7 + c) % 5 == 0) {
          cells[c] = "";
        }
      }
      holed.add(cells);
      upload.append(String.join(",", cells)).append('\n');
    }
    Reply impute = api.postFile("/api/models/" + model + "/impute", token, "holes.csv", upload.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(impute.status()).as(impute.toString()).isEqualTo(202);
    long imputed = impute.json().get("id").asLong();
    JsonNode done = Polling.untilStatus(api, "/api/synthetic/" + imputed, token, "COMPLETED", TRAINING);
    assertThat(done.get("rowCount").asLong()).isEqualTo(40);
    List<String> filled = new String(api.download("/api/synthetic/" + imputed + "/download?format=csv", token).body(), StandardCharsets.UTF_8).lines().skip(1).toList();
    assertThat(filled).hasSize(40);
    IntStream.range(0, 40).forEach(i -> {
      String[] cells = filled.get(i).split(",", -1);
      for (int c = 0; c < cells.length; c++) {
        assertThat(cells[c]).as("row %d column %d is filled", i, c).isNotEmpty().isNotEqualTo("NA");
        String given = holed.get(i)[c];
        if (!given.isEmpty() && !given.equals("NA")) {
          assertThat(sameValue(cells[c], given)).as("row %d column %d keeps %s, not %s", i, c, given, cells[c]).isTrue();
        }
      }
    });

    Reply missingColumn = api.postFile("/api/models/" + model + "/impute", token, "narrow.csv", "species,island\nAdelie,\n".getBytes(StandardCharsets.UTF_8));
    assertThat(missingColumn.status()).as(missingColumn.toString()).isEqualTo(400);
    assertThat(missingColumn.json().get("field").asText()).isEqualTo("file");
    assertThat(missingColumn.json().get("detail").asText()).contains("bill_length_mm");
    Reply empty = api.postFile("/api/models/" + model + "/impute", token, "empty.csv", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("detail").asText()).isEqualTo("the file is empty");
    assertThat(api.postFile("/api/models/" + (model + 1000) + "/impute", token, "empty.csv", new byte[0]).status()).as("another's model or none").isEqualTo(404);
  }

  private static boolean sameValue(String written, String given) {
    try {
      return Double.parseDouble(written) == Double.parseDouble(given);
    } catch (NumberFormatException notNumbers) {
      return written.equals(given);
    }
  }

  @Test
  void aWorkerLostDuringASampleAnswers503AndTheNextSampleWorks() throws Exception {
    if (!realEngine()) {
      Reply accepted = api.post("/api/models/train", token, Map.of("datasetId", api.get("/api/models/" + model, token).json().get("datasetId").asLong(),
          "algorithm", "TestScripted", "epochs", 1, "settings", Map.of("script", "crash_once_in_sampling")));
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
      model = accepted.json().get("id").asLong();
      Polling.untilStatus(api, "/api/models/" + model + "/status", token, "COMPLETED", TRAINING);
      Reply lost = sample(Map.of("rows", 10));
      assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
      assertThat(lost.contentType()).startsWith("application/problem+json");
      assertThat(sample(Map.of("rows", 10)).status()).isEqualTo(200);
      return;
    }
    List<Integer> answers = new ArrayList<>();
    for (int attempt = 0; attempt < 10 && !answers.contains(503); attempt++) {
      CompletableFuture<Reply> running = CompletableFuture.supplyAsync(() -> sample(Map.of("rows", 10_000)));
      Thread.sleep(150);
      ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("worker.py")).forEach(ProcessHandle::destroyForcibly);
      Reply reply = running.get();
      answers.add(reply.status());
      if (reply.status() == 503) {
        assertThat(reply.json().get("detail").asText()).contains("try again");
      }
    }
    assertThat(answers).as("a sample was running when its worker was killed").contains(503).allMatch(status -> status == 200 || status == 503);
    assertThat(sample(Map.of("rows", 10)).status()).as("the next sample gets a new worker").isEqualTo(200);
  }
}
