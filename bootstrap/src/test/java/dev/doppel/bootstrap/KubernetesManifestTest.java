package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes example in deploy/kubernetes against what the application, the engine and KubeRay
 * read: nothing here starts a cluster, so a setting renamed in the code, a Ray upgrade in the locks
 * or a path changed on one side only would otherwise reach a deployment unseen.
 */
class KubernetesManifestTest {
  private static final Path ROOT = SharedDatasets.repositoryRoot();
  private static final Path DEPLOY = ROOT.resolve("deploy/kubernetes");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DOPPEL_PLACEHOLDER = Pattern.compile("\\$\\{(DOPPEL_[A-Z0-9_]+)");
  private static final Pattern DOPPEL_LITERAL = Pattern.compile("\"(DOPPEL_[A-Z0-9_]+)\"");
  /** A Dockerfile's ENV instruction, with its continuation lines. */
  private static final Pattern DOCKERFILE_ENV = Pattern.compile("(?m)^ENV((?:[^\\n]*\\\\\\n)*[^\\n]*)");
  private static final Pattern DOPPEL_ASSIGNMENT = Pattern.compile("(DOPPEL_[A-Z0-9_]+)=");
  private static final Pattern RAY_PIN = Pattern.compile("(?m)^ray==(\\S+)$");
  /** The README's command that creates the Secret, with its continuation lines. */
  private static final Pattern CREATE_SECRET = Pattern.compile("kubectl create secret generic (\\S+)((?:[^\\n]*\\\\\\n)*[^\\n]*)");
  private static final Pattern SECRET_KEY = Pattern.compile("--from-literal=([A-Za-z0-9._-]+)=");
  /** Ray's own default for {@code ray start --dashboard-port}. */
  private static final String RAY_DASHBOARD_PORT = "8265";
  private static final String GPU = "nvidia.com/gpu";

  private final List<JsonNode> documents = documents();
  private final JsonNode rayCluster = only("RayCluster");
  private final JsonNode appPod = only("Deployment").at("/spec/template/spec");
  private final JsonNode app = onlyContainer(appPod);

  @Test
  void rayClusterRunsTheRayVersionBothEngineLocksPin() {
    String rayVersion = rayCluster.at("/spec/rayVersion").asText();

    for (String lock : List.of("requirements.lock", "requirements-permissive.lock")) {
      Matcher pin = RAY_PIN.matcher(read(ROOT.resolve("ai-engine").resolve(lock)));
      assertThat(pin.find()).as("ray pinned in %s", lock).isTrue();
      assertThat(rayVersion).as("spec.rayVersion against ray in %s", lock).isEqualTo(pin.group(1));
    }
  }

  /** The engine's environment and folder must sit at the app's paths on every Ray node: one image puts them there. */
  @Test
  void appAndEveryRayNodeRunOneImage() {
    Set<String> images = new TreeSet<>(List.of(app.path("image").asText()));
    rayPods().values().forEach(pod -> images.add(rayContainer(pod).path("image").asText()));

    assertThat(images).hasSize(1);
  }

  @Test
  void headRunsNoJobsAndServesTheJobApiAtTheAddressTheAppCalls() {
    JsonNode head = rayCluster.at("/spec/headGroupSpec");
    JsonNode startParams = head.path("rayStartParams");
    String dashboardPort = startParams.path("dashboard-port").asText(RAY_DASHBOARD_PORT);
    URI address = URI.create(env(app, "DOPPEL_RAY_ADDRESS"));

    assertThat(startParams.path("num-cpus").asText()).isEqualTo("0");
    assertThat(startParams.path("dashboard-host").asText()).isEqualTo("0.0.0.0");
    assertThat(containerPort(rayContainer(head.at("/template/spec")), "dashboard")).isEqualTo(dashboardPort);
    assertThat(address.getHost()).as("KubeRay's head service").isEqualTo(rayCluster.at("/metadata/name").asText() + "-head-svc");
    assertThat(String.valueOf(address.getPort())).isEqualTo(dashboardPort);
    assertThat(env(app, "DOPPEL_ENGINE_ADAPTER")).isEqualTo("ray");
  }

  @Test
  void everyDoppelVariableTheAppIsGivenIsOneItReads() {
    Path resources = ROOT.resolve("bootstrap/src/main/resources");
    Set<String> read = new TreeSet<>();
    try (Stream<Path> files = Files.list(resources)) {
      files.filter(file -> file.getFileName().toString().matches("application.*\\.yml")).forEach(file -> read.addAll(matches(DOPPEL_PLACEHOLDER, read(file))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    assertThat(read).as("set on the app's container").containsAll(doppelVariables(app));
    Matcher image = DOCKERFILE_ENV.matcher(read(DEPLOY.resolve("Dockerfile")));
    while (image.find()) {
      assertThat(read).as("set by the image").containsAll(matches(DOPPEL_ASSIGNMENT, image.group(1)));
    }
    for (String profile : env(app, "SPRING_PROFILES_ACTIVE").split(",")) {
      assertThat(resources.resolve("application-" + profile.strip() + ".yml")).exists();
    }
  }

  /** A job's entry point gets its Ray node's whole environment, and the engine parses files users uploaded. */
  @Test
  void rayNodesAreGivenEngineVariablesOnlyAndNoSecret() {
    Set<String> engineReads = new TreeSet<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("ai-engine/doppel_engine"))) {
      files.filter(file -> file.toString().endsWith(".py")).forEach(file -> engineReads.addAll(matches(DOPPEL_LITERAL, read(file))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    rayPods().forEach((group, pod) -> {
      JsonNode container = rayContainer(pod);
      assertThat(engineReads).as("the DOPPEL_ variables of Ray group %s", group).containsAll(doppelVariables(container));
      assertThat(container.path("envFrom").isMissingNode()).as("envFrom in Ray group %s", group).isTrue();
      container.path("env").forEach(variable -> assertThat(variable.at("/valueFrom/secretKeyRef").isMissingNode()).as("%s in Ray group %s", variable.path("name").asText(), group).isTrue());
    });
  }

  @Test
  void everyNodeMountsTheSharedClaimAtTheAppsDataDirectory() {
    JsonNode claim = only("PersistentVolumeClaim");
    String claimName = claim.at("/metadata/name").asText();
    String dataDir = env(app, "DOPPEL_DATA_DIR");

    assertThat(claim.at("/spec/accessModes")).extracting(JsonNode::asText).containsExactly("ReadWriteMany");
    assertThat(claimMountPath(appPod, app, claimName)).as("the app").contains(dataDir);
    rayPods().forEach((group, pod) -> assertThat(claimMountPath(pod, rayContainer(pod), claimName)).as("Ray group %s", group).contains(dataDir));
  }

  /** Each node empties {@code <data-dir>/tmp} when it starts (MultipartConfiguration): shared, it would remove another node's uploads in progress. */
  @Test
  void eachAppNodeKeepsItsOwnUploadFolder() {
    String uploads = Path.of(env(app, "DOPPEL_DATA_DIR")).resolve("tmp").toString();

    List<String> volumes = new ArrayList<>();
    app.path("volumeMounts").forEach(mount -> {
      if (mount.path("mountPath").asText().equals(uploads)) {
        volumes.add(mount.path("name").asText());
      }
    });

    assertThat(volumes).hasSize(1);
    assertThat(volume(appPod, volumes.get(0)).has("emptyDir")).isTrue();
  }

  /** Files one node writes on the shared directory are replaced and deleted by the others. */
  @Test
  void everyPodRunsAsOneUser() {
    Set<String> users = new TreeSet<>(List.of(appPod.at("/securityContext/runAsUser").asText("unset")));
    rayPods().values().forEach(pod -> users.add(pod.at("/securityContext/runAsUser").asText("unset")));

    assertThat(users).hasSize(1).doesNotContain("unset");
  }

  /** Ray queues a job until a node has what it reserves: a job larger than every worker would wait forever. */
  @Test
  void everyJobFitsOnAWorkerGroup() {
    EngineProperties.Ray defaults = new EngineProperties.Ray(null, null, null, null, null, null, null, null);
    BigDecimal cpus = optionalEnv(app, "DOPPEL_RAY_ENTRYPOINT_CPUS").map(BigDecimal::new).orElse(BigDecimal.valueOf(defaults.entrypointCpus()));
    BigDecimal gpus = optionalEnv(app, "DOPPEL_RAY_ENTRYPOINT_GPUS").map(BigDecimal::new).orElse(BigDecimal.valueOf(defaults.entrypointGpus()));

    List<JsonNode> workerLimits = new ArrayList<>();
    rayCluster.at("/spec/workerGroupSpecs").forEach(group -> workerLimits.add(rayContainer(group.at("/template/spec")).at("/resources/limits")));

    assertThat(workerLimits).as("worker groups with %s CPUs and %s GPUs", cpus, gpus)
        .anyMatch(limits -> quantity(limits.path("cpu").asText("0")).compareTo(cpus) >= 0 && quantity(limits.path(GPU).asText("0")).compareTo(gpus) >= 0);
  }

  @Test
  void appNodesRunAsOneClusterWithSecretsTheReadmeCreates() {
    Matcher command = CREATE_SECRET.matcher(read(ROOT.resolve("README.md")));
    assertThat(command.find()).as("kubectl create secret generic in the README").isTrue();
    String secret = command.group(1);
    List<String> keys = matches(SECRET_KEY, command.group(2));

    assertThat(only("Deployment").at("/spec/replicas").asInt()).isGreaterThan(1);
    assertThat(env(app, "DOPPEL_CLUSTER_ENABLED")).isEqualTo("true");
    for (String variable : List.of("DOPPEL_JWT_SECRET", "DOPPEL_CONNECTIONS_SECRET_KEY", "DOPPEL_DB_PASSWORD")) {
      JsonNode reference = variable(app, variable).orElseThrow().at("/valueFrom/secretKeyRef");
      assertThat(reference.path("name").asText()).as(variable).isEqualTo(secret);
      assertThat(keys).as(variable).contains(reference.path("key").asText());
    }
  }

  @Test
  void serviceSendsToTheAppPods() {
    JsonNode service = only("Service");
    JsonNode podLabels = only("Deployment").at("/spec/template/metadata/labels");

    service.at("/spec/selector").fields().forEachRemaining(label -> assertThat(podLabels.path(label.getKey()).asText()).as(label.getKey()).isEqualTo(label.getValue().asText()));
    service.at("/spec/ports").forEach(port -> assertThat(containerPort(app, port.path("targetPort").asText())).as("targetPort %s", port.path("targetPort").asText()).isNotEmpty());
  }

  /** The job-submission API has no authentication of its own. */
  @Test
  void onlyTheAppNodesAndTheRayNodesReachTheRayPods() {
    JsonNode policy = only("NetworkPolicy");
    String cluster = rayCluster.at("/metadata/name").asText();
    JsonNode podLabels = only("Deployment").at("/spec/template/metadata/labels");
    String dashboardPort = containerPort(rayContainer(rayCluster.at("/spec/headGroupSpec/template/spec")), "dashboard");

    assertThat(policy.at("/spec/podSelector/matchLabels/ray.io~1cluster").asText()).isEqualTo(cluster);
    List<String> admitted = new ArrayList<>();
    policy.at("/spec/ingress").forEach(rule -> {
      assertThat(rule.path("from")).as("every rule names whom it admits").isNotEmpty();
      rule.path("from").forEach(source -> {
        JsonNode labels = source.at("/podSelector/matchLabels");
        assertThat(source.size()).as("a source is a pod selector alone").isEqualTo(1);
        if (labels.path("ray.io/cluster").asText().equals(cluster)) {
          admitted.add("ray");
        } else {
          labels.fields().forEachRemaining(label -> assertThat(podLabels.path(label.getKey()).asText()).as(label.getKey()).isEqualTo(label.getValue().asText()));
          rule.path("ports").forEach(port -> assertThat(port.path("port").asText()).isEqualTo(dashboardPort));
          admitted.add(rule.path("ports").isEmpty() ? "app on every port" : "app on the dashboard port");
        }
      });
    });

    assertThat(admitted).containsExactlyInAnyOrder("ray", "app on the dashboard port");
  }

  private List<JsonNode> documents() {
    List<JsonNode> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(DEPLOY)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader reader = Files.newBufferedReader(file)) {
          for (Object document : new Yaml().loadAll(reader)) {
            if (document != null) {
              found.add(JSON.valueToTree(document));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private JsonNode only(String kind) {
    List<JsonNode> ofKind = documents.stream().filter(document -> document.path("kind").asText().equals(kind)).toList();
    assertThat(ofKind).as("%s in %s", kind, DEPLOY).hasSize(1);
    return ofKind.get(0);
  }

  /** Each Ray group's pod spec by group name, the head's as "head". */
  private Map<String, JsonNode> rayPods() {
    Map<String, JsonNode> pods = new LinkedHashMap<>();
    pods.put("head", rayCluster.at("/spec/headGroupSpec/template/spec"));
    rayCluster.at("/spec/workerGroupSpecs").forEach(group -> pods.put(group.path("groupName").asText(), group.at("/template/spec")));
    assertThat(pods).hasSizeGreaterThan(1);
    return pods;
  }

  /** KubeRay runs Ray in a pod's first container. */
  private static JsonNode rayContainer(JsonNode pod) {
    assertThat(pod.path("containers")).isNotEmpty();
    return pod.path("containers").get(0);
  }

  private static JsonNode onlyContainer(JsonNode pod) {
    assertThat(pod.path("containers")).hasSize(1);
    return pod.path("containers").get(0);
  }

  private static Optional<JsonNode> variable(JsonNode container, String name) {
    for (JsonNode variable : container.path("env")) {
      if (variable.path("name").asText().equals(name)) {
        return Optional.of(variable);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> optionalEnv(JsonNode container, String name) {
    return variable(container, name).map(variable -> {
      assertThat(variable.has("value")).as("%s has a value", name).isTrue();
      return variable.path("value").asText();
    });
  }

  private static String env(JsonNode container, String name) {
    return optionalEnv(container, name).orElseThrow(() -> new AssertionError(name + " is not set on container " + container.path("name").asText()));
  }

  private static Set<String> doppelVariables(JsonNode container) {
    Set<String> names = new TreeSet<>();
    container.path("env").forEach(variable -> {
      if (variable.path("name").asText().startsWith("DOPPEL_")) {
        names.add(variable.path("name").asText());
      }
    });
    return names;
  }

  /** The port number of a container's port with this name, or empty. */
  private static String containerPort(JsonNode container, String name) {
    for (JsonNode port : container.path("ports")) {
      if (port.path("name").asText().equals(name)) {
        return port.path("containerPort").asText();
      }
    }
    return "";
  }

  private static JsonNode volume(JsonNode pod, String name) {
    for (JsonNode volume : pod.path("volumes")) {
      if (volume.path("name").asText().equals(name)) {
        return volume;
      }
    }
    throw new AssertionError("no volume " + name);
  }

  /** Where the container mounts the pod's volume of this claim. */
  private static Optional<String> claimMountPath(JsonNode pod, JsonNode container, String claim) {
    for (JsonNode volume : pod.path("volumes")) {
      if (volume.at("/persistentVolumeClaim/claimName").asText().equals(claim)) {
        for (JsonNode mount : container.path("volumeMounts")) {
          if (mount.path("name").asText().equals(volume.path("name").asText()) && !mount.has("subPath")) {
            return Optional.of(mount.path("mountPath").asText());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A Kubernetes quantity of CPUs or GPUs: a number, or thousandths with an "m". */
  private static BigDecimal quantity(String text) {
    return text.endsWith("m") ? new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(3) : new BigDecimal(text);
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
