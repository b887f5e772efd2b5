package dev.doppel.adapter.persistence.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the throw-away database servers of the tests ({@link MariaDbServer}, {@link
 * PostgreSqlServer}) share: finding a server's programs, installing Debian's package when missing
 * and running as root, running commands with a log, free ports, and cleaning up.
 */
public final class TestServers {
  private TestServers() {}

  /** The first of {@code names} found executable on PATH or in {@code dirs}, searched in that order. */
  static Optional<Path> find(List<String> dirs, String... names) {
    List<String> searched = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      searched.addAll(List.of(path.split(File.pathSeparator)));
    }
    searched.addAll(dirs);
    for (String name : names) {
      for (String dir : searched) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return java.util.Optional.of(candidate);
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** Installs a Debian package with apt-get when we may (root); returns whether that worked. */
  static boolean installDebianPackage(String debianPackage) {
    if (!isRoot()) {
      return false;
    }
    List<String> install = List.of("apt-get", "install", "-y", "--no-install-recommends", debianPackage);
    Path log;
    try {
      log = Files.createTempFile("doppel-apt-", ".log");
    } catch (IOException e) {
      return false;
    }
    try {
      if (run(install, log, Duration.ofMinutes(10)) != 0) {
        run(List.of("apt-get", "update"), log, Duration.ofMinutes(5));
        if (run(install, log, Duration.ofMinutes(10)) != 0) {
          System.err.println("apt-get install " + debianPackage + " failed:\n" + tail(log));
          return false;
        }
      }
      return true;
    } finally {
      deleteRecursively(log);
    }
  }

  /** Runs a command to its end, appending its output to {@code log}; returns its exit code, -1 when it could not run or timed out. */
  static int run(List<String> command, Path log, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    try {
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static boolean isRoot() {
    try {
      Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return id.waitFor() == 0 && uid.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port for a test server", e);
    }
  }

  /** A temporary folder deleted when the JVM exits, after {@code beforeDelete} ran (stopping the server that uses it). */
  static Path temporaryHome(String prefix, Runnable beforeDelete) {
    Path home;
    try {
      home = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for a test server", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      beforeDelete.run();
      deleteRecursively(home);
    }, prefix + "stop"));
    return home;
  }

  /** Stops a server process: {@code destroy} (SIGTERM, a clean shutdown), then by force if it lingers. */
  static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines of a log, for failure messages. */
  static String tail(Path log) {
    try {
      if (!Files.exists(log)) {
        return "";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())) + "\n";
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")\n";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a test server", e);
    }
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort at JVM exit: a leftover temp folder is not worth failing a build over
    }
  }
}
