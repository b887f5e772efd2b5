package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Lahman tables as one database through HTTP: declared relationships, trained, generated at
 * half scale with labelled anomalies in Salaries, downloaded as a zip whose foreign keys all resolve
 * and whose keys are unique, and evaluated as a database. On the test engine with TestScripted; in the python-engine run, the
 * journey alone with TabularARGN (one short epoch).
 */
class DatabaseJourneyTest extends FullStackTest {
  /** Four TabularARGN tables, one epoch each, take about four minutes on two busy cores. */
  static final Duration JOB = realEngine() ? Duration.ofMinutes(10) : Duration.ofMinutes(1);
  static final List<String> TABLES = List.of("People", "Salaries", "Teams", "TeamsFranchises");

  String token;
  long project;
  Map<String, Long> datasets = new HashMap<>();

  @BeforeEach
  void uploadLahman() {
    token = api.signUp(unique("database"));
    project = api.createProject(token, "Lahman database");
    for (String table : TABLES) {
      Reply uploaded = api.upload(token, project, SampleTables.file("lahman/" + table + ".csv"));
      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
      datasets.put(table, uploaded.json().get("id").asLong());
    }
  }

  private void declareLahmanRelationships() {
    declare("People", List.of("playerID"), "Salaries", List.of("playerID"), List.of("yearID"));
    declare("Teams", List.of("yearID", "teamID"), "Salaries", List.of("yearID", "teamID"), List.of());
    declare("TeamsFranchises", List.of("franchID"), "Teams", List.of("franchID"), List.of());
  }

  private void declare(String parent, List<String> parentColumns, String child, List<String> childColumns, List<String> orderBy) {
    Reply declared = api.post("/api/projects/" + project + "/schema/relationships", token, Map.of(
        "parentDatasetId", datasets.get(parent), "parentColumns", parentColumns, "childDatasetId", datasets.get(child), "childColumns", childColumns,
        "orderBy", orderBy));
    assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
  }

  private static String algorithm() {
    return realEngine() ? "TabularARGN" : "TestScripted";
  }

  private static Map<String, Object> shortTraining() {
    return realEngine() ? Map.of("max_epochs", 1, "max_training_time", 1, "model_size", "small") : Map.of("epochs", 2);
  }

  @Test
  void trainsGeneratesAndDownloadsAReferentiallyIntactDatabase() throws IOException {
    declareLahmanRelationships();

    Reply accepted = api.post("/api/projects/" + project + "/database-models", token, Map.of("algorithm", algorithm(), "settings", shortTraining(), "seed", 7));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    long model = accepted.json().get("id").asLong();
    assertThat(accepted.json().get("status").asText()).isEqualTo("PENDING");
    JsonNode trained = Polling.untilStatus(api, "/api/database-models/" + model, token, "COMPLETED", JOB);
    assertThat(names(trained.get("tables"), "name")).containsExactlyInAnyOrderElementsOf(TABLES);
    List<String> order = names(trained.get("tables"), "name");
    assertThat(order.indexOf("TeamsFranchises")).isLessThan(order.indexOf("Teams"));
    assertThat(order.indexOf("Teams")).isLessThan(order.indexOf("Salaries"));
    assertThat(order.indexOf("People")).isLessThan(order.indexOf("Salaries"));
    assertThat(trained.get("relationships")).hasSize(3);
    assertThat(trained.get("progress").get("table").asText()).isIn(TABLES);
    assertThat(names(trained.get("summary"), "table")).containsExactlyElementsOf(order);
    assertThat(api.get("/api/projects/" + project + "/database-models", token).json()).hasSize(1);

    Reply generating = api.post(
        "/api/database-models/" + model + "/generate", token, Map.of("scale", 0.5, "seed", 3, "anomalies", Map.of("Salaries", Map.of("inject", true, "ratio", 0.1))));
    assertThat(generating.status()).as(generating.toString()).isEqualTo(202);
    assertThat(generating.json().at("/anomalies/Salaries/ratio").asDouble()).isEqualTo(0.1);
    assertThat(generating.json().at("/anomalies/Salaries/labelColumn").asText()).isEqualTo("is_anomaly");
    long batch = generating.json().get("id").asLong();
    JsonNode generated = Polling.untilStatus(api, "/api/database-batches/" + batch, token, "COMPLETED", JOB);
    assertThat(api.get("/api/database-models/" + model + "/batches", token).json()).hasSize(1);

    HttpResponse<byte[]> download = api.download("/api/database-batches/" + batch + "/download", token);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).contains("application/zip");
    Map<String, List<Map<String, String>>> tables = unzip(download.body());
    assertThat(tables.keySet()).containsExactlyInAnyOrderElementsOf(TABLES);
    generated.get("tables").forEach(t -> assertThat(tables.get(t.get("table").asText())).hasSize(t.get("rows").asInt()));
    assertThat(tables.get("People")).hasSize((int) Math.round(1214 * 0.5));
    assertThat(tables.get("TeamsFranchises")).hasSize((int) Math.round(203 * 0.5));

    assertThat(duplicates(tables.get("People"), List.of("playerID"))).isEmpty();
    assertThat(duplicates(tables.get("Teams"), List.of("yearID", "teamID"))).isEmpty();
    assertThat(duplicates(tables.get("TeamsFranchises"), List.of("franchID"))).isEmpty();
    assertThat(orphans(tables.get("Salaries"), List.of("playerID"), tables.get("People"), List.of("playerID"))).isEmpty();
    assertThat(orphans(tables.get("Salaries"), List.of("yearID", "teamID"), tables.get("Teams"), List.of("yearID", "teamID"))).isEmpty();
    assertThat(orphans(tables.get("Teams"), List.of("franchID"), tables.get("TeamsFranchises"), List.of("franchID"))).isEmpty();
    assertThat(unorderedPlayers(tables.get("Salaries"))).isEmpty();
    // Labelled anomalies in Salaries alone, exactly round(0.1 × rows) of them; the keys above are untouched.
    Map<String, Long> anomalyRows = new HashMap<>();
    generated.get("tables").forEach(t -> anomalyRows.put(t.get("table").asText(), t.get("anomalyRows").asLong()));
    long salaryAnomalies = Math.round(0.1 * tables.get("Salaries").size());
    assertThat(salaryAnomalies).isPositive();
    assertThat(anomalyRows).containsEntry("Salaries", salaryAnomalies).containsEntry("People", 0L).containsEntry("Teams", 0L).containsEntry("TeamsFranchises", 0L);
    assertThat(tables.get("Salaries").stream().filter(row -> "true".equalsIgnoreCase(row.get("is_anomaly"))).count()).isEqualTo(salaryAnomalies);
    assertThat(tables.get("Salaries")).allSatisfy(row -> assertThat(row.get("is_anomaly")).isIn("true", "false", "True", "False"));
    assertThat(tables.get("People").get(0)).doesNotContainKey("is_anomaly");

    JsonNode evaluation = Polling.untilStatus(api, "/api/database-batches/" + batch + "/evaluation", token, "COMPLETED", JOB);
    JsonNode relationships = evaluation.get("report").get("relationships");
    assertThat(relationships).hasSize(3);
    relationships.forEach(r -> assertThat(r.at("/integrity/share").asDouble()).as(r.toString()).isEqualTo(1.0));
    assertThat(evaluation.at("/report/summary/integrity").asDouble()).isEqualTo(1.0);
    // The real engine: the bound its own test holds for the same one-epoch training (0.92 measured
    // there). The test engine re-points orphaned salaries at players in turn, spreading them evenly.
    JsonNode salariesPerPlayer = relationship(relationships, "People", "Salaries").at("/childrenPerParent/ksComplement");
    assertThat(salariesPerPlayer.isNumber()).as(salariesPerPlayer.toString()).isTrue();
    assertThat(salariesPerPlayer.asDouble()).isBetween(realEngine() ? 0.7 : 0.0, 1.0);
  }

  @Test
  void evaluatesACompletedBatchAsADatabaseAgainOnRequestForItsOwnerAlone() {
    declareLahmanRelationships();
    long model = api.post("/api/projects/" + project + "/database-models", token, Map.of("algorithm", "TestScripted", "settings", Map.of("epochs", 1)))
        .json().get("id").asLong();
    Polling.untilStatus(api, "/api/database-models/" + model, token, "COMPLETED", JOB);
    long batch = api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", 1)).json().get("id").asLong();
    String evaluation = "/api/database-batches/" + batch + "/evaluation";

    // Each of the four tables takes the test engine a step, so the batch is still being generated.
    Reply early = api.post(evaluation, token, Map.of());
    assertThat(early.status()).as(early.toString()).isEqualTo(409);
    assertThat(early.json().get("field").asText()).isEqualTo("status");
    JsonNode first = Polling.untilStatus(api, evaluation, token, "COMPLETED", JOB);
    assertThat(first.get("databaseBatchId").asLong()).isEqualTo(batch);
    assertThat(first.get("error").isNull()).isTrue();
    assertThat(first.get("report").get("tables")).hasSize(4);
    first.get("report").get("relationships").forEach(r -> {
      assertThat(r.at("/integrity/share").asDouble()).as(r.toString()).isEqualTo(1.0);
      assertThat(r.at("/integrity/childRows").asLong()).isPositive();
      assertThat(r.at("/childrenPerParent/real/shares").size()).isEqualTo(r.at("/childrenPerParent/bins").size() - 1);
    });
    assertThat(relationship(first.get("report").get("relationships"), "Teams", "Salaries").get("parentColumns").toString()).isEqualTo("[\"yearID\",\"teamID\"]");

    Reply again = api.post(evaluation, token, Map.of());
    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    assertThat(again.json().get("status").asText()).isEqualTo("PENDING");
    assertThat(again.json().get("report").isNull()).isTrue();
    JsonNode second = Polling.untilStatus(api, evaluation, token, "COMPLETED", JOB);
    assertThat(second.get("requestedAt").asText()).isNotEqualTo(first.get("requestedAt").asText());

    String stranger = api.signUp(unique("stranger"));
    assertThat(api.get(evaluation, stranger).status()).isEqualTo(404);
    assertThat(api.post(evaluation, stranger, Map.of()).status()).isEqualTo(404);
    assertThat(api.delete("/api/database-models/" + model, token).status()).isEqualTo(204);
    assertThat(api.get(evaluation, token).status()).isEqualTo(404);
  }

  @Test
  void cancelsARunningTrainingAndRefusesToGenerateFromIt() {
    declareLahmanRelationships();
    long model = api.post("/api/projects/" + project + "/database-models", token, Map.of("algorithm", "TestScripted", "settings", Map.of("epochs", 10_000)))
        .json().get("id").asLong();
    Polling.until(() -> api.get("/api/database-models/" + model, token), json -> json.path("progress").hasNonNull("table"), JOB);

    Reply cancelled = api.post("/api/database-models/" + model + "/cancel", token, Map.of());

    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    JsonNode stopped = Polling.untilStatus(api, "/api/database-models/" + model, token, "CANCELLED", JOB);
    assertThat(stopped.get("error").asText()).isEqualTo("cancelled by the user");
    assertThat(api.post("/api/database-models/" + model + "/cancel", token, Map.of()).status()).isEqualTo(409);
    Reply refused = api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", 1));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(api.delete("/api/database-models/" + model, token).status()).isEqualTo(204);
    assertThat(api.get("/api/database-models/" + model, token).status()).isEqualTo(404);
  }

  @Test
  void fixesValuesInTablesWithoutAParentInEveryRowAndKeepsEveryForeignKeyResolving() throws IOException {
    declareLahmanRelationships();
    long model = api.post("/api/projects/" + project + "/database-models", token, Map.of("algorithm", algorithm(), "settings", shortTraining()))
        .json().get("id").asLong();
    Polling.untilStatus(api, "/api/database-models/" + model, token, "COMPLETED", JOB);

    Map<String, Object> conditions = Map.of("TeamsFranchises", Map.of("active", "Y"), "People", Map.of("bats", "L"));
    Reply generating = api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", 0.5, "seed", 4, "conditions", conditions));
    assertThat(generating.status()).as(generating.toString()).isEqualTo(202);
    assertThat(generating.json().at("/conditions/TeamsFranchises/active").asText()).isEqualTo("Y");
    assertThat(generating.json().at("/conditions/People/bats").asText()).isEqualTo("L");
    long batch = generating.json().get("id").asLong();
    Polling.untilStatus(api, "/api/database-batches/" + batch, token, "COMPLETED", JOB);

    Map<String, List<Map<String, String>>> tables = unzip(api.download("/api/database-batches/" + batch + "/download", token).body());
    assertThat(tables.get("TeamsFranchises")).hasSize((int) Math.round(203 * 0.5)).allSatisfy(row -> assertThat(row.get("active")).isEqualTo("Y"));
    assertThat(tables.get("People")).hasSize((int) Math.round(1214 * 0.5)).allSatisfy(row -> assertThat(row.get("bats")).isEqualTo("L"));
    assertThat(tables.get("Teams")).isNotEmpty();
    assertThat(duplicates(tables.get("People"), List.of("playerID"))).isEmpty();
    assertThat(duplicates(tables.get("TeamsFranchises"), List.of("franchID"))).isEmpty();
    assertThat(orphans(tables.get("Salaries"), List.of("playerID"), tables.get("People"), List.of("playerID"))).isEmpty();
    assertThat(orphans(tables.get("Salaries"), List.of("yearID", "teamID"), tables.get("Teams"), List.of("yearID", "teamID"))).isEmpty();
    assertThat(orphans(tables.get("Teams"), List.of("franchID"), tables.get("TeamsFranchises"), List.of("franchID"))).isEmpty();
    assertThat(unorderedPlayers(tables.get("Salaries"))).isEmpty();

    Reply child = api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", 1, "conditions", Map.of("Salaries", Map.of("lgID", "AL"))));
    assertThat(child.status()).as(child.toString()).isEqualTo(400);
    assertThat(child.json().get("field").asText()).isEqualTo("conditions.Salaries");
    assertThat(child.json().get("detail").asText()).contains("only tables without a parent take fixed values");
    Reply unknownTable =
        api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", 1, "conditions", Map.of("Batting", Map.of("HR", 1))));
    assertThat(unknownTable.status()).as(unknownTable.toString()).isEqualTo(400);
    assertThat(unknownTable.json().get("field").asText()).isEqualTo("conditions.Batting");
    Reply listed =
        api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", 1, "conditions", Map.of("People", Map.of("bats", List.of("L")))));
    assertThat(listed.status()).as(listed.toString()).isEqualTo(400);
    assertThat(listed.json().get("field").asText()).isEqualTo("conditions.People");

    Reply key = api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", 1, "conditions", Map.of("People", Map.of("playerID", "x"))));
    assertThat(key.status()).as(key.toString()).isEqualTo(202);
    JsonNode failed = Polling.untilStatus(api, "/api/database-batches/" + key.json().get("id").asLong(), token, "FAILED", JOB);
    assertThat(failed.get("error").asText()).contains("conditions of table 'People'", "'playerID'", "is a key");
  }

  @Test
  void refusesAProjectWithoutRelationshipsAnAlgorithmWithoutLinkedTablesAndABadScale() {
    Reply noRelationship = api.post("/api/projects/" + project + "/database-models", token, Map.of("algorithm", "TestScripted"));
    assertThat(noRelationship.status()).as(noRelationship.toString()).isEqualTo(400);
    assertThat(noRelationship.json().get("field").asText()).isEqualTo("projectId");

    declareLahmanRelationships();
    Reply flat = api.post("/api/projects/" + project + "/database-models", token, Map.of("algorithm", "GaussianCopula"));
    assertThat(flat.status()).as(flat.toString()).isEqualTo(400);
    assertThat(flat.json().get("field").asText()).isEqualTo("algorithm");
    assertThat(flat.json().get("detail").asText()).contains("GaussianCopula cannot learn related tables", "TestScripted");
    Reply unknownSetting = api.post("/api/projects/" + project + "/database-models", token, Map.of("algorithm", "TestScripted", "settings", Map.of("nope", 1)));
    assertThat(unknownSetting.status()).isEqualTo(400);
    assertThat(unknownSetting.json().get("field").asText()).isEqualTo("settings.nope");
    Map<String, Object> emptySetting = new java.util.HashMap<>();
    emptySetting.put("epochs", null);
    Reply withoutValue = api.post("/api/projects/" + project + "/database-models", token, Map.of("algorithm", "TestScripted", "settings", emptySetting));
    assertThat(withoutValue.status()).as(withoutValue.toString()).isEqualTo(400);
    assertThat(withoutValue.json().get("field").asText()).isEqualTo("settings.epochs");

    long model = api.post("/api/projects/" + project + "/database-models", token, Map.of("algorithm", "TestScripted", "settings", Map.of("epochs", 1)))
        .json().get("id").asLong();
    Polling.untilStatus(api, "/api/database-models/" + model, token, "COMPLETED", JOB);
    for (Object scale : List.of(0, 0.0009, -1, 101)) {
      Reply bad = api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", scale));
      assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
      assertThat(bad.json().get("field").asText()).isEqualTo("scale");
    }
    assertThat(api.post("/api/database-models/" + model + "/generate", token, Map.of()).json().get("field").asText()).isEqualTo("scale");

    Reply unknownTable =
        api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", 1, "anomalies", Map.of("Batting", Map.of("inject", true, "ratio", 0.1))));
    assertThat(unknownTable.status()).as(unknownTable.toString()).isEqualTo(400);
    assertThat(unknownTable.json().get("field").asText()).isEqualTo("anomalies.Batting");
    assertThat(unknownTable.json().get("detail").asText()).contains("People", "Salaries", "Teams", "TeamsFranchises");
    Reply badRatio =
        api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", 1, "anomalies", Map.of("Salaries", Map.of("inject", true, "ratio", 0.9))));
    assertThat(badRatio.status()).as(badRatio.toString()).isEqualTo(400);
    assertThat(badRatio.json().get("field").asText()).isEqualTo("anomalies.Salaries.ratio");
    Reply badKind = api.post(
        "/api/database-models/" + model + "/generate", token,
        Map.of("scale", 1, "anomalies", Map.of("Salaries", Map.of("inject", true, "ratio", 0.1, "kinds", List.of("typo")))));
    assertThat(badKind.json().get("field").asText()).isEqualTo("anomalies.Salaries.kinds");
    assertThat(api.get("/api/database-models/" + model + "/batches", token).json()).isEmpty();
  }

  @Test
  void anotherUsersDatabaseModelsAndBatchesAreNotFound() {
    declareLahmanRelationships();
    long model = api.post("/api/projects/" + project + "/database-models", token, Map.of("algorithm", "TestScripted", "settings", Map.of("epochs", 1)))
        .json().get("id").asLong();
    Polling.untilStatus(api, "/api/database-models/" + model, token, "COMPLETED", JOB);
    long batch = api.post("/api/database-models/" + model + "/generate", token, Map.of("scale", 1)).json().get("id").asLong();
    Polling.untilStatus(api, "/api/database-batches/" + batch, token, "COMPLETED", JOB);

    String stranger = api.signUp(unique("stranger"));
    assertThat(api.post("/api/projects/" + project + "/database-models", stranger, Map.of("algorithm", "TestScripted")).status()).isEqualTo(404);
    assertThat(api.get("/api/projects/" + project + "/database-models", stranger).status()).isEqualTo(404);
    assertThat(api.get("/api/database-models/" + model, stranger).status()).isEqualTo(404);
    assertThat(api.post("/api/database-models/" + model + "/cancel", stranger, Map.of()).status()).isEqualTo(404);
    assertThat(api.post("/api/database-models/" + model + "/generate", stranger, Map.of("scale", 1)).status()).isEqualTo(404);
    assertThat(api.get("/api/database-models/" + model + "/batches", stranger).status()).isEqualTo(404);
    assertThat(api.get("/api/database-batches/" + batch, stranger).status()).isEqualTo(404);
    assertThat(api.download("/api/database-batches/" + batch + "/download", stranger).statusCode()).isEqualTo(404);
    assertThat(api.delete("/api/database-models/" + model, stranger).status()).isEqualTo(404);
    assertThat(api.get("/api/database-batches/" + batch, token).status()).isEqualTo(200);

    assertThat(api.delete("/api/database-models/" + model, token).status()).isEqualTo(204);
    assertThat(api.get("/api/database-batches/" + batch, token).status()).isEqualTo(404);
    assertThat(storedFiles()).noneMatch(file -> file.contains("/databases/" + model + "/"));
  }

  private static JsonNode relationship(JsonNode relationships, String parent, String child) {
    for (JsonNode relationship : relationships) {
      if (relationship.get("parent").asText().equals(parent) && relationship.get("child").asText().equals(child)) {
        return relationship;
      }
    }
    throw new AssertionError("no relationship " + parent + " ← " + child + " in " + relationships);
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> names = new ArrayList<>();
    array.forEach(node -> names.add(node.get(field).asText()));
    return names;
  }

  /** The zip's {@code <table>.csv} files as rows by column name. */
  private static Map<String, List<Map<String, String>>> unzip(byte[] zip) throws IOException {
    Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isEmpty()).toList();
        List<String> header = cells(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
          List<String> cells = cells(line);
          Map<String, String> row = new HashMap<>();
          for (int c = 0; c < header.size(); c++) {
            row.put(header.get(c), cells.get(c));
          }
          rows.add(row);
        }
        tables.put(entry.getName().replaceFirst("\\.csv$", ""), rows);
      }
    }
    return tables;
  }

  /** One CSV line: cells split on commas outside double quotes. */
  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /** Keys are compared as numbers where they are numbers, so 1985 and 1985.0 are one year. */
  private static List<String> key(Map<String, String> row, List<String> columns) {
    return columns.stream().map(c -> {
      String value = row.get(c);
      try {
        double number = Double.parseDouble(value);
        return number == Math.rint(number) ? String.valueOf((long) number) : value;
      } catch (NumberFormatException e) {
        return value;
      }
    }).toList();
  }

  private static Set<List<String>> duplicates(List<Map<String, String>> rows, List<String> columns) {
    Set<List<String>> seen = new HashSet<>();
    Set<List<String>> repeated = new HashSet<>();
    rows.forEach(row -> {
      if (!seen.add(key(row, columns))) {
        repeated.add(key(row, columns));
      }
    });
    return repeated;
  }

  private static List<List<String>> orphans(List<Map<String, String>> children, List<String> childColumns, List<Map<String, String>> parents, List<String> parentColumns) {
    Set<List<String>> keys = new HashSet<>();
    parents.forEach(row -> keys.add(key(row, parentColumns)));
    return children.stream().map(row -> key(row, childColumns)).filter(k -> !keys.contains(k)).toList();
  }

  /** Players whose salaries, in the file's order, go back in time. */
  private static Set<String> unorderedPlayers(List<Map<String, String>> salaries) {
    Map<String, Double> lastYear = new HashMap<>();
    Set<String> unordered = new HashSet<>();
    for (Map<String, String> row : salaries) {
      String player = row.get("playerID");
      double year = Double.parseDouble(row.get("yearID"));
      if (lastYear.containsKey(player) && lastYear.get(player) > year) {
        unordered.add(player);
      }
      lastYear.put(player, year);
    }
    return unordered;
  }
}
