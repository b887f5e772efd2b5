package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatasetUploadTest extends FullStackTest {
  String token;
  long project;

  @BeforeEach
  void signIn() {
    token = api.signUp(unique("uploader"));
    project = api.createProject(token, "Shared datasets");
  }

  private static Map<String, JsonNode> columnsByName(JsonNode stats) {
    Map<String, JsonNode> columns = new HashMap<>();
    stats.get("columns").forEach(c -> columns.put(c.get("name").asText(), c));
    return columns;
  }

  private Map<String, JsonNode> uploadAndReadStats(String dataset) {
    Reply uploaded = api.upload(token, project, SharedDatasets.file(dataset));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    Reply stats = api.get("/api/datasets/" + uploaded.json().get("id").asLong() + "/stats", token);
    assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
    return columnsByName(stats.json());
  }

  @Test
  void infersTheTypesOfEverySharedDataset() {
    Map<String, JsonNode> taxis = uploadAndReadStats("taxis.csv");
    assertThat(taxis.get("pickup").get("type").asText()).isEqualTo("datetime");
    assertThat(taxis.get("dropoff").get("type").asText()).isEqualTo("datetime");
    assertThat(taxis.get("pickup").get("datetimeFormat").asText()).isEqualTo("%Y-%m-%d %H:%M:%S");
    assertThat(taxis.get("fare").get("type").asText()).isEqualTo("float");
    assertThat(taxis.get("payment").get("nullCount").asLong()).isEqualTo(44);

    Map<String, JsonNode> adult = uploadAndReadStats("adult.csv");
    assertThat(adult.get("age").get("type").asText()).isEqualTo("integer");
    assertThat(adult.get("class").get("type").asText()).isEqualTo("categorical");
    assertThat(adult.get("workclass").get("nullCount").asLong()).isEqualTo(1836);
    assertThat(adult.get("age").get("count").asLong()).isEqualTo(32561);

    Map<String, JsonNode> penguins = uploadAndReadStats("penguins.csv");
    assertThat(penguins.get("sex").get("nullCount").asLong()).isEqualTo(11);
    assertThat(penguins.get("bill_length_mm").get("nullCount").asLong()).isEqualTo(2);
    assertThat(penguins.get("species").get("type").asText()).isEqualTo("categorical");
    assertThat(penguins.get("species").get("topValues").get(0).get("value").asText()).isEqualTo("Adelie");

    Map<String, JsonNode> credit = uploadAndReadStats("credit_data.csv");
    assertThat(credit.get("Records").get("type").asText()).isEqualTo("boolean");
    assertThat(credit.get("rownames").get("type").asText()).isEqualTo("id");
    assertThat(credit.get("Income").get("nullCount").asLong()).isEqualTo(381);
  }

  @Test
  void statsAreChartReady() {
    Map<String, JsonNode> penguins = uploadAndReadStats("penguins.csv");
    JsonNode mass = penguins.get("body_mass_g");
    long binned = StreamSupport.stream(mass.get("histogram").get("bins").spliterator(), false).mapToLong(b -> b.get("count").asLong()).sum();
    assertThat(binned).isEqualTo(mass.get("count").asLong() - mass.get("nullCount").asLong());
    assertThat(mass.get("summary").get("min").asDouble()).isEqualTo(2700);
    assertThat(mass.get("summary").get("max").asDouble()).isEqualTo(6300);
    assertThat(mass.get("summary").get("quantiles").has("p50")).isTrue();
    assertThat(penguins.get("island").get("topValues")).hasSize(3);
  }

  @Test
  void takesTheChosenTypesWithTheFileAndStoresNothingWhenOneIsWrong() throws IOException {
    byte[] penguins = Files.readAllBytes(SampleTables.file("penguins.csv"));
    Map<String, String> refused =
        Map.of(
            "[\"year\"", "types",
            "{\"nope\": \"float\"}", "types.nope",
            "{\"year\": \"colour\"}", "types.year",
            "{\"species\": \"float\"}", "species");
    refused.forEach(
        (types, field) -> {
          Reply reply = api.upload(token, project, "penguins.csv", penguins, types);
          assertThat(reply.status()).as(types).isEqualTo(400);
          assertThat(reply.json().get("field").asText()).as(types).isEqualTo(field);
        });
    assertThat(api.get("/api/datasets?projectId=" + project, token).json()).isEmpty();

    Reply typed = api.upload(token, project, "penguins.csv", penguins, "{\"year\": \"categorical\"}");
    assertThat(typed.status()).as(typed.toString()).isEqualTo(201);
    JsonNode year = columnsByName(api.get("/api/datasets/" + typed.json().get("id").asLong() + "/stats", token).json()).get("year");
    assertThat(year.get("type").asText()).isEqualTo("categorical");
    assertThat(year.get("inferredType").asText()).isEqualTo("integer");
    assertThat(year.get("histogram").isNull()).isTrue();
  }

  @Test
  void previewsTypedRowsAndFollowsATypeOverride() {
    Reply uploaded = api.upload(token, project, SampleTables.file("penguins.csv"));
    long id = uploaded.json().get("id").asLong();
    JsonNode preview = api.get("/api/datasets/" + id + "/preview?rows=3", token).json();
    assertThat(preview.get("rows")).hasSize(3);
    JsonNode first = preview.get("rows").get(0);
    assertThat(first.get(0).asText()).isEqualTo("Adelie");
    assertThat(first.get(2).isNumber()).isTrue();
    assertThat(preview.get("rows").get(2).get(2).asDouble()).isEqualTo(40.3);

    Reply changed = api.patch("/api/datasets/" + id + "/schema", token, Map.of("columns", Map.of("year", "categorical")));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    JsonNode year = columnsByName(api.get("/api/datasets/" + id + "/stats", token).json()).get("year");
    assertThat(year.get("type").asText()).isEqualTo("categorical");
    assertThat(year.get("inferredType").asText()).isEqualTo("integer");
    assertThat(year.get("histogram").isNull()).isTrue();
    assertThat(year.get("topValues")).hasSize(3);

    Reply impossible = api.patch("/api/datasets/" + id + "/schema", token, Map.of("columns", Map.of("species", "float")));
    assertThat(impossible.status()).isEqualTo(400);
    assertThat(impossible.json().get("field").asText()).isEqualTo("species");
    assertThat(impossible.json().get("detail").asText()).contains("Adelie");
  }

  @Test
  void rejectsBadFilesWithSpecificProblemsAndLeavesNothingBehind() {
    List<String> before = storedFiles();
    assertProblem(api.upload(token, project, "photo.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2}), 400, "file", "binary");
    assertProblem(api.upload(token, project, "empty.csv", new byte[0]), 400, "file", "empty");
    assertProblem(api.upload(token, project, "header.csv", "a,b,c\n".getBytes(StandardCharsets.UTF_8)), 400, "file", "no data rows");
    assertProblem(
        api.upload(token, project, "ragged.csv", "a,b,c\n1,2,3\n4,5\n7,8,9\n".getBytes(StandardCharsets.UTF_8)), 400, "file", "line 3");
    assertProblem(api.upload(token, project, "dupes.csv", "a,b,a\n1,2,3\n".getBytes(StandardCharsets.UTF_8)), 400, "file", "appears twice");
    assertProblem(api.upload(token, project, "blank.csv", "a,,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)), 400, "file", "blank");
    byte[] huge = ("x\n" + "123456789\n".repeat((int) (UPLOAD_LIMIT_BYTES / 10) + 10)).getBytes(StandardCharsets.UTF_8);
    assertProblem(api.upload(token, project, "huge.csv", huge), 413, "file", "limit");
    assertProblem(api.upload(token, 999_999, "fine.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8)), 404, "projectId", "project");
    assertThat(storedFiles()).isEqualTo(before);
    assertThat(api.get("/api/datasets?projectId=" + project, token).json()).isEmpty();
  }

  @Test
  void readsQuotedSemicolonSeparatedFilesWithABom() {
    String csv = "\uFEFFname;note;amount\n\"Smith; J\";\"said \"\"hi\"\"\nthen left\";1,5\nDoe;plain;2\n";
    Reply uploaded = api.upload(token, project, "semi.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(uploaded.json().get("delimiter").asText()).isEqualTo(";");
    JsonNode rows = api.get("/api/datasets/" + uploaded.json().get("id").asLong() + "/preview", token).json().get("rows");
    assertThat(rows.get(0).get(0).asText()).isEqualTo("Smith; J");
    assertThat(rows.get(0).get(1).asText()).isEqualTo("said \"hi\"\nthen left");
    assertThat(uploaded.json().get("columns").get(0).get("name").asText()).isEqualTo("name");
  }

  @Test
  void convertsAnUploadedDatasetToEveryFormatForItsOwnerOnly() {
    long id = api.upload(token, project, SampleTables.file("penguins.csv")).json().get("id").asLong();
    assertThat(api.get("/api/datasets/" + id + "/download?format=jsonl", token).body().lines().count()).isEqualTo(344);
    var parquet = api.download("/api/datasets/" + id + "/download?format=parquet", token);
    assertThat(parquet.headers().firstValue("Content-Disposition").orElseThrow()).contains("penguins.parquet");
    assertThat(parquet.body()).startsWith(new byte[] {'P', 'A', 'R', '1'});
    String csv = api.get("/api/datasets/" + id + "/download?format=csv&delimiter=;", token).body();
    assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("species;island;bill_length_mm;bill_depth_mm;flipper_length_mm;body_mass_g;sex;year");
    assertThat(api.get("/api/datasets/" + id + "/download?format=csv", api.signUp(unique("other"))).status()).isEqualTo(404);
    assertProblem(api.get("/api/datasets/" + id + "/download?format=csv&delimiter=x", token), 400, "delimiter", "one of");
  }

  @Test
  void acceptsParquet() throws Exception {
    byte[] parquet = ParquetFixture.penguinsLike();
    Reply uploaded = api.upload(token, project, "table.parquet", parquet);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(uploaded.json().get("format").asText()).isEqualTo("PARQUET");
    Map<String, JsonNode> columns = columnsByName(api.get("/api/datasets/" + uploaded.json().get("id").asLong() + "/stats", token).json());
    assertThat(columns.get("mass").get("type").asText()).isEqualTo("float");
    assertThat(columns.get("count").get("type").asText()).isEqualTo("integer");
    assertThat(columns.get("species").get("nullCount").asLong()).isEqualTo(1);
  }

  static void assertProblem(Reply reply, int status, String field, String detailFragment) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.get("field").asText()).isEqualTo(field);
    assertThat(problem.get("detail").asText()).containsIgnoringCase(detailFragment);
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at dev.doppel");
  }
}
