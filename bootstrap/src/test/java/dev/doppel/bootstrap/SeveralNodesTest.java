package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.adapter.persistence.support.MariaDbServer;
import dev.doppel.bootstrap.testengine.TestSynthesisEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app processes on one MariaDB and one data directory, with the same secrets and a short job
 * lease: jobs sent to either run once, a cancel reaches the node running the job, and when one node
 * is killed the other recovers its job once the lease runs out, leaving its own running job alone.
 */
class SeveralNodesTest {
  private static final String LEASE = "3s";
  private static final Duration SETTLED = Duration.ofSeconds(60);

  @TempDir Path dataDir;
  @TempDir Path runLogs;
  private final List<ApplicationProcess> apps = new ArrayList<>();

  @AfterEach
  void stop() {
    apps.forEach(ApplicationProcess::close);
  }

  /** A node, its API and the file its test engine notes each training it starts in. */
  private record Node(String name, ApplicationProcess process, Api api, Path runLog) {
    /** The models whose training this node started, in order. */
    List<Long> trainingsStarted() throws IOException {
      if (!Files.exists(runLog)) {
        return List.of();
      }
      try (Stream<String> lines = Files.lines(runLog)) {
        return lines.map(folder -> Long.parseLong(Path.of(folder).getParent().getFileName().toString())).toList();
      }
    }
  }

  private Node start(String name, String database) throws IOException {
    MariaDbServer server = MariaDbServer.shared();
    int port = ApplicationProcess.freePort();
    Path runLog = runLogs.resolve(name + ".log");
    ApplicationProcess process =
        ApplicationProcess.start(
            "384m", List.of("-D" + TestSynthesisEngine.RUN_LOG + "=" + runLog), port, dataDir, dataDir.resolve(name + "-" + System.nanoTime() + ".log"),
            List.of(
                "--spring.datasource.url=" + server.jdbcUrl(database), "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=" + server.password(), "--spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver",
                "--spring.jpa.database-platform=dev.doppel.adapter.persistence.MariaDbDialect", "--doppel.cluster.enabled=true", "--doppel.node.id=" + name,
                "--doppel.jobs.lease-duration=" + LEASE, "--doppel.security.jwt-secret=c2V2ZXJhbC1ub2Rlcy10ZXN0LXNpZ25pbmcta2V5LTMyYg==",
                "--doppel.connections.secret-key=c2V2ZXJhbC1ub2Rlcy10ZXN0LWNvbm5lY3Rpb25zLWs="));
    apps.add(process);
    return new Node(name, process, new Api(port), runLog);
  }

  @Test
  void jobsRunOnceACancelReachesTheRunningNodeAndAKilledNodesJobIsRecoveredByTheOther() throws Exception {
    String database = "doppel_nodes";
    MariaDbServer.shared().freshDatabase(database);
    Node first = start("first", database);
    Node second = start("second", database);
    List<Node> nodes = List.of(first, second);
    String token = first.api().signUp("nodes");
    long project = second.api().createProject(token, "Nodes");
    long dataset = first.api().upload(token, project, SampleTables.file("penguins.csv")).json().get("id").asLong();

    List<Long> quick = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      quick.add(train(nodes.get(i % 2), token, dataset, "GaussianCopula"));
    }
    for (long model : quick) {
      Polling.untilStatus(second.api(), "/api/models/" + model + "/status", token, "COMPLETED", SETTLED);
    }
    List<Long> started = new ArrayList<>(first.trainingsStarted());
    started.addAll(second.trainingsStarted());
    assertThat(started).as("each training ran on exactly one node, once").containsExactlyInAnyOrderElementsOf(quick);

    long hanging = train(first, token, dataset, "TestHang");
    long other = train(second, token, dataset, "TestHang");
    trainingOnSomeNode(first, token, hanging);
    trainingOnSomeNode(first, token, other);
    Node runsHanging = nodeRunning(nodes, hanging);
    Node runsOther = nodeRunning(nodes, other);
    assertThat(runsHanging).as("one training worker each: the two trainings run on different nodes").isNotEqualTo(runsOther);

    JsonNode cancelled = runsOther.api().post("/api/models/" + hanging + "/cancel", token, Map.of()).json();
    assertThat(cancelled.get("status").asText()).as("the answer of a cancel sent to the node not running the job").isEqualTo("CANCELLED");
    assertThat(runsOther.api().get("/api/models/" + other + "/status", token).json().get("status").asText()).isEqualTo("TRAINING");

    long doomed = train(runsOther, token, dataset, "TestHang");
    trainingOnSomeNode(runsOther, token, doomed);
    Node killed = nodeRunning(nodes, doomed);
    Node survivor = killed == first ? second : first;
    assertThat(survivor).as("the survivor still runs the other training").isEqualTo(runsOther);
    Path doomedFolder = modelFolder(killed, doomed);
    Path otherFolder = modelFolder(survivor, other);

    killed.process().close();

    JsonNode recovered = Polling.untilStatus(survivor.api(), "/api/models/" + doomed + "/status", token, "FAILED", SETTLED);
    assertThat(recovered.get("error").asText()).isEqualTo("the node running it stopped");
    assertThat(doomedFolder).doesNotExist();
    int epochBefore = survivor.api().get("/api/models/" + other + "/status", token).json().path("progress").path("epoch").asInt();
    JsonNode untouched =
        Polling.until(
            () -> survivor.api().get("/api/models/" + other + "/status", token), json -> json.path("progress").path("epoch").asInt() > epochBefore, SETTLED);
    assertThat(untouched.get("status").asText()).isEqualTo("TRAINING");
    assertThat(otherFolder.resolve(TestSynthesisEngine.RUNNING_MARKER)).exists();
    assertThat(survivor.trainingsStarted()).as("the survivor ran its own training once, and not the killed node's").containsOnlyOnce(other).doesNotContain(doomed);

    assertThat(survivor.api().post("/api/models/" + other + "/cancel", token, Map.of()).json().get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void aNodeOfSeveralRefusesToStartOnTheEmbeddedDatabaseOrWithoutTheSharedSecrets() throws Exception {
    Path onH2 = dataDir.resolve("h2.log");
    int h2Exit = ApplicationProcess.refusing(ApplicationProcess.freePort(), dataDir, onH2, List.of("--doppel.cluster.enabled=true"));
    assertThat(h2Exit).isNotZero();
    assertThat(Files.readString(onH2)).contains("the database is the embedded H2, which one node alone can open");

    MariaDbServer server = MariaDbServer.shared();
    Path withoutSecrets = dataDir.resolve("secrets.log");
    int secretsExit =
        ApplicationProcess.refusing(
            ApplicationProcess.freePort(), dataDir, withoutSecrets,
            List.of(
                "--spring.datasource.url=" + server.freshDatabase("doppel_lonely_node"), "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=" + server.password(), "--spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver",
                "--spring.jpa.database-platform=dev.doppel.adapter.persistence.MariaDbDialect", "--doppel.cluster.enabled=true"));
    assertThat(secretsExit).isNotZero();
    assertThat(Files.readString(withoutSecrets)).contains("every node must be given the same doppel.security.jwt-secret and doppel.connections.secret-key");
  }

  private static long train(Node node, String token, long dataset, String algorithm) {
    return node.api().post("/api/models/train", token, Map.of("datasetId", dataset, "algorithm", algorithm)).json().get("id").asLong();
  }

  private static void trainingOnSomeNode(Node asking, String token, long model) {
    Polling.until(() -> asking.api().get("/api/models/" + model + "/status", token), json -> json.path("progress").path("epoch").asInt() >= 2, SETTLED);
  }

  private static Node nodeRunning(List<Node> nodes, long model) throws IOException {
    List<Node> running = new ArrayList<>();
    for (Node node : nodes) {
      if (node.trainingsStarted().contains(model)) {
        running.add(node);
      }
    }
    assertThat(running).as("nodes that started model " + model).hasSize(1);
    return running.get(0);
  }

  private static Path modelFolder(Node node, long model) throws IOException {
    try (Stream<String> lines = Files.lines(node.runLog())) {
      Path folder = lines.map(Path::of).filter(path -> path.getParent().getFileName().toString().equals(Long.toString(model))).findFirst().orElseThrow();
      assertThat(folder.resolve(TestSynthesisEngine.RUNNING_MARKER)).exists();
      return folder;
    }
  }
}
