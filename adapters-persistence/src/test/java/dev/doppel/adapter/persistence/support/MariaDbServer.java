package dev.doppel.adapter.persistence.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away MariaDB server for tests, started once per JVM and shared by every test class.
 *
 * <p>It initialises a data directory in a temporary folder, starts {@code mariadbd} on a free
 * local port and stops it (and deletes the folder) when the JVM exits. Where MariaDB is missing
 * and the tests run as root, it installs Debian's {@code mariadb-server} first. When the server
 * cannot be had, {@link #shared()} throws with the reason: tests fail, they are never skipped,
 * because a persistence test that only ran on H2 proves nothing about production.
 *
 * <p>Connect as {@link #username()} with an empty password using mysql-connector-j, the
 * production driver: {@link #jdbcUrl()} points at the {@value #DATABASE} database.
 *
 * <p>MariaDB 10.x greets clients as {@code 5.5.5-10.11.x-MariaDB}. mysql-connector-j takes that
 * for MySQL 5.5, which had no fractional seconds, and so drops them from every timestamp it
 * sends: through this driver MariaDB 10 keeps whole {@link #TIMESTAMP_PRECISION seconds}, where
 * MySQL 8 keeps the microseconds of a TIMESTAMP(6). Tests compare instants at that precision.
 * (Overriding the server's version string does not help: the driver then asks for MySQL 8
 * variables MariaDB 10.11 lacks.)
 */
public final class MariaDbServer {
  public static final String DATABASE = "doppel_test";

  /** What survives of an instant written through mysql-connector-j; see the class comment. */
  public static final ChronoUnit TIMESTAMP_PRECISION = ChronoUnit.SECONDS;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> SEARCH_DIRS = List.of("/usr/sbin", "/usr/libexec", "/usr/bin", "/usr/local/sbin",
      "/usr/local/bin", "/usr/local/mysql/bin");
  private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  /** MySQL 8's default, so MariaDB refuses what production would refuse. */
  private static final String MYSQL8_SQL_MODE =
      "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

  private static MariaDbServer shared;
  private static RuntimeException failure;

  private final Process process;
  private final int port;

  private MariaDbServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The JVM's server, started on first use; throws {@link IllegalStateException} when it cannot start. */
  public static synchronized MariaDbServer shared() {
    if (shared != null) {
      return shared;
    }
    if (failure != null) {
      throw failure;
    }
    try {
      shared = start();
      return shared;
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
  }

  public int port() {
    return port;
  }

  public String username() {
    return "root";
  }

  public String password() {
    return "";
  }

  /** URL of the shared {@value #DATABASE} database. */
  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  public String jdbcUrl(String database) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true";
  }

  /** Drops {@code name} if it exists and creates it empty; returns its URL. For tests needing their own schema. */
  public String freshDatabase(String name) {
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("database name must match " + SAFE_NAME + ": " + name);
    }
    execute("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
    return jdbcUrl(name);
  }

  private void execute(String... statements) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(""), username(), password());
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("MariaDB test server refused: " + e.getMessage(), e);
    }
  }

  private static MariaDbServer start() {
    Path mariadbd = find("mariadbd", "mysqld").or(MariaDbServer::installed).orElseThrow(() -> new IllegalStateException(
        "MariaDB is needed for the persistence tests but mariadbd was not found on PATH or in " + SEARCH_DIRS
            + (isRoot() ? "; installing it with apt-get failed (see above)" : "; install it with: sudo apt-get install mariadb-server")));
    Path installDb = find("mariadb-install-db", "mysql_install_db").orElseThrow(() -> new IllegalStateException(
        "found " + mariadbd + " but not mariadb-install-db to initialise its data directory"));
    Path home;
    try {
      home = Files.createTempDirectory("doppel-mariadb-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for the MariaDB test server", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      MariaDbServer running = shared;
      if (running != null) {
        running.stop();
      }
      deleteRecursively(home);
    }, "mariadb-test-server-stop"));

    initialise(installDb, home);
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      MariaDbServer server = null;
      try {
        server = launch(mariadbd, home, freePort());
        server.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4");
        return server;
      } catch (IllegalStateException e) {
        // Most likely another process took the free port between probing and binding it.
        if (server != null) {
          server.stop();
        }
        last = e;
      }
    }
    throw last;
  }

  private static void initialise(Path installDb, Path home) {
    List<String> command = new ArrayList<>(List.of(installDb.toString(), "--no-defaults", "--datadir=" + home.resolve("data"),
        "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
    if (isRoot()) {
      command.add("--user=root");
    }
    Path log = home.resolve("install-db.log");
    int exit = run(command, log, Duration.ofSeconds(120));
    if (exit != 0) {
      throw new IllegalStateException("mariadb-install-db failed with exit code " + exit + ":\n" + tail(log));
    }
  }

  private static MariaDbServer launch(Path mariadbd, Path home, int port) {
    Path errorLog = home.resolve("error-" + port + ".log");
    Path output = home.resolve("mariadbd-" + port + ".out");
    List<String> command = new ArrayList<>(List.of(
        mariadbd.toString(),
        "--no-defaults",
        "--datadir=" + home.resolve("data"),
        "--port=" + port,
        "--bind-address=127.0.0.1",
        "--socket=" + home.resolve("sock"),
        "--pid-file=" + home.resolve("mariadbd.pid"),
        "--log-error=" + errorLog,
        "--skip-log-bin",
        "--skip-name-resolve",
        "--innodb-buffer-pool-size=64M",
        "--innodb-flush-log-at-trx-commit=0",
        "--character-set-server=utf8mb4",
        "--explicit-defaults-for-timestamp=ON",
        "--sql-mode=" + MYSQL8_SQL_MODE));
    if (isRoot()) {
      command.add("--user=root");
    }
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + mariadbd + ": " + e.getMessage(), e);
    }
    MariaDbServer server = new MariaDbServer(process, port);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SQLException lastError = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mariadbd exited with code " + process.exitValue() + " while starting on port " + port
            + ":\n" + tail(errorLog) + tail(output));
      }
      try (Connection ignored = DriverManager.getConnection(server.jdbcUrl(""), server.username(), server.password())) {
        return server;
      } catch (SQLException e) {
        lastError = e;
      }
      sleep(200);
    }
    server.stop();
    throw new IllegalStateException("mariadbd did not accept connections on port " + port + " within " + START_TIMEOUT.toSeconds()
        + " s (last error: " + (lastError == null ? "none" : lastError.getMessage()) + "):\n" + tail(errorLog) + tail(output));
  }

  private synchronized void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM: mariadbd shuts down cleanly
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Installs Debian's package when we may (root); returns the server binary if that worked. */
  private static Optional<Path> installed() {
    if (!isRoot()) {
      return Optional.empty();
    }
    List<String> install = List.of("apt-get", "install", "-y", "--no-install-recommends", "mariadb-server");
    Path log;
    try {
      log = Files.createTempFile("doppel-mariadb-apt-", ".log");
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      if (run(install, log, Duration.ofMinutes(10)) != 0) {
        run(List.of("apt-get", "update"), log, Duration.ofMinutes(5));
        if (run(install, log, Duration.ofMinutes(10)) != 0) {
          System.err.println("apt-get install mariadb-server failed:\n" + tail(log));
          return Optional.empty();
        }
      }
      return find("mariadbd", "mysqld");
    } finally {
      deleteRecursively(log);
    }
  }

  private static Optional<Path> find(String... names) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.addAll(SEARCH_DIRS);
    for (String name : names) {
      for (String dir : dirs) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static int run(List<String> command, Path log, Duration timeout) {
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

  private static boolean isRoot() {
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port for MariaDB", e);
    }
  }

  private static String tail(Path log) {
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for MariaDB", e);
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
