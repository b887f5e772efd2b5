package dev.doppel.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Ray cluster on this machine for the tests: a head node that runs no jobs itself and two worker
 * nodes of one CPU each, each with its own ports, started with the engine virtual environment's
 * {@code ray} command and stopped with every process it started.
 *
 * <p>The nodes share one temporary folder: Ray finds a job's output in the session folder of the
 * node it ran on, by that node's address, which all three nodes share on one machine. Each {@code
 * ray start} runs through setsid, so the daemons it leaves behind form a process group of their own
 * that stopping the cluster ends, and nothing else.
 */
final class LocalRayCluster implements AutoCloseable {
  private final Path ray;
  private final Path tempDir;
  private final URI dashboard;
  private final List<Long> processGroups = new ArrayList<>();

  private LocalRayCluster(Path ray, Path tempDir, URI dashboard) {
    this.ray = ray;
    this.tempDir = tempDir;
    this.dashboard = dashboard;
  }

  /** Starts the head and the two workers; the cluster is stopped again if any of them fails to start. */
  static LocalRayCluster start(Path python) throws IOException {
    Path ray = python.resolveSibling("ray");
    if (!Files.isExecutable(ray)) {
      throw new AssertionError("the engine environment has no ray command at " + ray);
    }
    int gcsPort = ApplicationProcess.freePort();
    int dashboardPort = ApplicationProcess.freePort();
    LocalRayCluster cluster = new LocalRayCluster(ray, Files.createTempDirectory("doppel-ray"), URI.create("http://127.0.0.1:" + dashboardPort));
    try {
      cluster.node("head", List.of("--head", "--port=" + gcsPort, "--dashboard-port=" + dashboardPort, "--dashboard-host=127.0.0.1", "--include-dashboard=true", "--num-cpus=0"));
      for (String worker : List.of("worker-1", "worker-2")) {
        cluster.node(worker, List.of("--address=127.0.0.1:" + gcsPort, "--num-cpus=1", "--resources={\"" + worker + "\": 1}"));
      }
    } catch (IOException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** The job-submission REST API's address. */
  URI dashboard() {
    return dashboard;
  }

  private void node(String name, List<String> options) throws IOException {
    List<String> command =
        new ArrayList<>(List.of(
            "setsid", ray.toString(), "start", "--node-ip-address=127.0.0.1", "--temp-dir=" + tempDir, "--disable-usage-stats",
            "--dashboard-agent-listen-port=" + ApplicationProcess.freePort(), "--metrics-export-port=" + ApplicationProcess.freePort()));
    command.addAll(options);
    Path log = tempDir.resolve(name + "-start.log");
    Process start = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processGroups.add(start.pid());
    try {
      if (!start.waitFor(3, TimeUnit.MINUTES) || start.exitValue() != 0) {
        start.destroyForcibly();
        throw new AssertionError("ray start of the " + name + " failed:\n" + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Ends the nodes' process groups and whatever their processes started in groups of their own (the jobs' entry points). */
  @Override
  public void close() {
    List<ProcessHandle> ours = new ArrayList<>();
    for (long group : processGroups) {
      for (ProcessHandle member : members(group)) {
        ours.addAll(member.descendants().toList());
        ours.add(member);
      }
    }
    ours.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ours.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    ours.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** The processes of a group: the fifth field of /proc/PID/stat, after the command's closing parenthesis. */
  private static List<ProcessHandle> members(long group) {
    return ProcessHandle.allProcesses().filter(process -> {
      try {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[2]) == group;
      } catch (IOException | RuntimeException gone) {
        return false;
      }
    }).toList();
  }
}
