package dev.doppel.adapter.persistence.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
    Path mariadbd = find("mariadbd", "mysqld")
        .or(() -> TestServers.installDebianPackage("mariadb-server") ? find("mariadbd", "mysqld") : Optional.empty())
        .orElseThrow(() -> new IllegalStateException("MariaDB is needed for these tests but mariadbd was not found on PATH or in " + SEARCH_DIRS
            + (TestServers.isRoot() ? "; installing it with apt-get failed (see above)" : "; install it with: sudo apt-get install mariadb-server")));
    Path installDb = find("mariadb-install-db", "mysql_install_db").orElseThrow(() -> new IllegalStateException(
        "found " + mariadbd + " but not mariadb-install-db to initialise its data directory"));
    Path home = TestServers.temporaryHome("doppel-mariadb-", () -> {
      MariaDbServer running = shared;
      if (running != null) {
        running.stop();
      }
    });

    initialise(installDb, home);
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      MariaDbServer server = null;
      try {
        server = launch(mariadbd, home, TestServers.freePort());
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
    if (TestServers.isRoot()) {
      command.add("--user=root");
    }
    Path log = home.resolve("install-db.log");
    int exit = TestServers.run(command, log, Duration.ofSeconds(120));
    if (exit != 0) {
      throw new IllegalStateException("mariadb-install-db failed with exit code " + exit + ":\n" + TestServers.tail(log));
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
    if (TestServers.isRoot()) {
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
            + ":\n" + TestServers.tail(errorLog) + TestServers.tail(output));
      }
      try (Connection ignored = DriverManager.getConnection(server.jdbcUrl(""), server.username(), server.password())) {
        return server;
      } catch (SQLException e) {
        lastError = e;
      }
      TestServers.sleep(200);
    }
    server.stop();
    throw new IllegalStateException("mariadbd did not accept connections on port " + port + " within " + START_TIMEOUT.toSeconds()
        + " s (last error: " + (lastError == null ? "none" : lastError.getMessage()) + "):\n" + TestServers.tail(errorLog) + TestServers.tail(output));
  }

  private void stop() {
    TestServers.stop(process);
  }

  private static Optional<Path> find(String... names) {
    return TestServers.find(SEARCH_DIRS, names);
  }
}
