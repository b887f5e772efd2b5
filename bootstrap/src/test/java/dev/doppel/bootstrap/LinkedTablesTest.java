package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A project's datasets as linked tables: keys proposed from the contents, declared, checked and refused. */
class LinkedTablesTest extends FullStackTest {
  String token;

  @BeforeEach
  void signUp() {
    token = api.signUp(unique("linked"));
  }

  @Test
  void proposesTheLahmanForeignKeysThenDeclaresThemAndOrdersTheTablesParentsFirst() {
    long project = api.createProject(token, "Lahman");
    Map<String, Long> ids = new HashMap<>();
    for (String table : List.of("Salaries", "People", "Teams", "TeamsFranchises")) {
      Reply uploaded = api.upload(token, project, SharedDatasets.file("lahman/" + table + ".csv"));
      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
      ids.put(table, uploaded.json().get("id").asLong());
    }

    Reply proposal = api.get("/api/projects/" + project + "/schema/proposal", token);
    assertThat(proposal.status()).as(proposal.toString()).isEqualTo(200);
    assertThat(links(proposal.json()))
        .containsExactlyInAnyOrder(
            "TeamsFranchises(franchID) ← Teams(franchID)", "People(playerID) ← Salaries(playerID)",
            "Teams(yearID, teamID) ← Salaries(yearID, teamID)");

    for (JsonNode proposed : proposal.json()) {
      Map<String, Object> request = new HashMap<>();
      request.put("parentDatasetId", proposed.get("parentDatasetId").asLong());
      request.put("parentColumns", strings(proposed.get("parentColumns")));
      request.put("childDatasetId", proposed.get("childDatasetId").asLong());
      request.put("childColumns", strings(proposed.get("childColumns")));
      if (proposed.get("parentTable").asText().startsWith("People")) {
        request.put("orderBy", List.of("yearID"));
      }
      Reply declared = api.post("/api/projects/" + project + "/schema/relationships", token, request);
      assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
    }

    JsonNode schema = api.get("/api/projects/" + project + "/schema", token).json();
    List<String> order = new ArrayList<>();
    schema.get("tables").forEach(t -> order.add(t.get("name").asText().replace(".csv", "")));
    assertThat(order.indexOf("TeamsFranchises")).isLessThan(order.indexOf("Teams"));
    assertThat(order.indexOf("Teams")).isLessThan(order.indexOf("Salaries"));
    assertThat(order.indexOf("People")).isLessThan(order.indexOf("Salaries"));
    Map<String, JsonNode> tables = new HashMap<>();
    schema.get("tables").forEach(t -> tables.put(t.get("name").asText().replace(".csv", ""), t));
    assertThat(strings(tables.get("Teams").get("primaryKey"))).containsExactly("yearID", "teamID");
    assertThat(strings(tables.get("People").get("candidateKeys"))).contains("playerID");
    assertThat(links(schema.get("relationships"))).hasSize(3);
    assertThat(api.get("/api/projects/" + project + "/schema/proposal", token).json()).isEmpty();

    JsonNode sequence = null;
    for (JsonNode r : schema.get("relationships")) {
      if (r.get("parentDatasetId").asLong() == ids.get("People")) {
        sequence = r;
      }
    }
    assertThat(strings(sequence.get("orderBy"))).containsExactly("yearID");

    String stranger = api.signUp(unique("stranger"));
    assertThat(api.get("/api/projects/" + project + "/schema", stranger).status()).isEqualTo(404);
    assertThat(api.delete("/api/projects/" + project + "/schema/relationships/" + sequence.get("id").asLong(), stranger).status()).isEqualTo(404);
    assertThat(api.delete("/api/projects/" + project + "/schema/relationships/" + sequence.get("id").asLong(), token).status()).isEqualTo(204);
    assertThat(api.get("/api/projects/" + project + "/schema", token).json().get("relationships")).hasSize(2);
  }

  @Test
  void proposesATableNamedIdColumnAndNoLinkBetweenTwoRowCounters() {
    long project = api.createProject(token, "Shop");
    upload(project, "customers.csv", "id,name\n1,Ann\n2,Bob\n3,Cy\n");
    upload(project, "orders.csv", "id,customer_id,amount\n1,1,10\n2,1,20\n3,3,30\n4,,5\n");

    Reply proposal = api.get("/api/projects/" + project + "/schema/proposal", token);

    assertThat(links(proposal.json())).containsExactly("customers(id) ← orders(customer_id)");
    assertThat(proposal.json().get(0).get("childRows").asLong()).isEqualTo(4);
    assertThat(proposal.json().get(0).get("linkedRows").asLong()).isEqualTo(3);
  }

  @Test
  void refusesDuplicateKeysOrphanValuesAndCyclesNamingTheTableAndColumns() {
    long project = api.createProject(token, "Broken links");
    long customers = upload(project, "customers.csv", "id,name,b_ref\n1,Ann,x\n2,Bob,y\n2,Cy,z\n");
    long accounts = upload(project, "accounts.csv", "account_id,customer_id,balance\nx,1,10\ny,1,20\nz,7,30\nw,9,1\n");
    long owners = upload(project, "owners.csv", "owner,account_id\nAnn,x\nBob,y\nCy,z\nDee,w\n");

    Reply duplicate = declare(project, customers, List.of("id"), accounts, List.of("customer_id"));
    assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(400);
    assertThat(duplicate.json().get("field").asText()).isEqualTo("parentColumns");
    assertThat(duplicate.json().get("detail").asText()).contains("customers.csv(id)", "1 of its 3 rows", "'2'");

    Reply orphans = declare(project, customers, List.of("name"), owners, List.of("owner"));
    assertThat(orphans.status()).as(orphans.toString()).isEqualTo(400);
    assertThat(orphans.json().get("field").asText()).isEqualTo("childColumns");
    assertThat(orphans.json().get("detail").asText()).contains("owners.csv(owner)", "1 of 4 rows", "'Dee'");

    assertThat(declare(project, accounts, List.of("account_id"), owners, List.of("account_id")).status()).isEqualTo(201);
    Reply cycle = declare(project, owners, List.of("account_id"), accounts, List.of("account_id"));
    assertThat(cycle.status()).as(cycle.toString()).isEqualTo(400);
    assertThat(cycle.json().get("detail").asText()).contains("cycle", "accounts.csv(account_id)", "owners.csv(account_id)");

    Reply missing = declare(project, accounts, List.of("nope"), owners, List.of("account_id"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("field").asText()).isEqualTo("parentColumns");
    assertThat(missing.json().get("detail").asText()).contains("accounts.csv has no column 'nope'");

    long elsewhere = api.createProject(token, "Elsewhere");
    long foreign = upload(elsewhere, "other.csv", "id\n1\n");
    Reply acrossProjects = declare(project, foreign, List.of("id"), accounts, List.of("customer_id"));
    assertThat(acrossProjects.status()).isEqualTo(404);
    assertThat(acrossProjects.json().get("field").asText()).isEqualTo("parentDatasetId");

    Reply uneven = declare(project, accounts, List.of("account_id"), owners, List.of("account_id", "owner"));
    assertThat(uneven.status()).isEqualTo(400);
    assertThat(uneven.json().get("field").asText()).isEqualTo("childColumns");
    assertThat(api.get("/api/projects/" + project + "/schema", token).json().get("relationships")).hasSize(1);
  }

  private long upload(long project, String name, String csv) {
    Reply uploaded = api.upload(token, project, name, csv.getBytes(StandardCharsets.UTF_8));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    return uploaded.json().get("id").asLong();
  }

  private Reply declare(long project, long parent, List<String> parentColumns, long child, List<String> childColumns) {
    return api.post(
        "/api/projects/" + project + "/schema/relationships", token,
        Map.of("parentDatasetId", parent, "parentColumns", parentColumns, "childDatasetId", child, "childColumns", childColumns));
  }

  private static List<String> links(JsonNode relationships) {
    List<String> links = new ArrayList<>();
    relationships.forEach(r -> links.add(
        r.get("parentTable").asText().replace(".csv", "") + "(" + String.join(", ", strings(r.get("parentColumns"))) + ") ← "
            + r.get("childTable").asText().replace(".csv", "") + "(" + String.join(", ", strings(r.get("childColumns"))) + ")"));
    return links;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
