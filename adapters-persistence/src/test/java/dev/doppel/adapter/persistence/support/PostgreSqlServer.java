package dev.doppel.adapter.persistence.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests, started once per JVM and shared by every test class,
 * like {@link MariaDbServer}: a cluster initialised in a temporary folder, {@code postgres} on a
 * free local port (its socket in that folder), stopped and deleted when the JVM exits. Where
 * PostgreSQL is missing and the tests run as root, it installs Debian's {@code postgresql} first.
 * When the server cannot be had, {@link #shared()} throws with the reason: tests fail, never skip.
 *
 * <p>PostgreSQL refuses to run as root, so as root the cluster belongs to, and the server runs as,
 * the unprivileged {@value #UNPRIVILEGED_USER} user (through {@code runuser}).
 *
 * <p>Connections over TCP need the password ({@code scram-sha-256}), so a wrong one is refused as
 * on a real server. Connect as {@link #username()} with {@link #password()} using the PostgreSQL
 * JDBC driver, which the module using this server brings.
 */
public final class PostgreSqlServer {
  static final String UNPRIVILEGED_USER = "nobody";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final String SUPERUSER = "postgres";
  private static final String PASSWORD = "doppel-test-password";

  private static PostgreSqlServer shared;
  private static RuntimeException failure;

  private final Process process;
  private final Path pgCtl;
  private final Path data;
  private final int port;

  private PostgreSqlServer(Process process, Path pgCtl, Path data, int port) {
    this.process = process;
    this.pgCtl = pgCtl;
    this.data = data;
    this.port = port;
  }

  /** The JVM's server, started on first use; throws {@link IllegalStateException} when it cannot start. */
  public static synchronized PostgreSqlServer shared() {
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
    return SUPERUSER;
  }

  public String password() {
    return PASSWORD;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Drops {@code name} if it exists (closing its sessions) and creates it empty, UTF-8; returns its URL. */
  public String freshDatabase(String name) {
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("database name must match " + SAFE_NAME + ": " + name);
    }
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    return jdbcUrl(name);
  }

  private void execute(String... statements) {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL test server refused: " + e.getMessage(), e);
    }
  }

  private Connection connect(String database) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", SUPERUSER);
    login.setProperty("password", PASSWORD);
    return DriverManager.getConnection(jdbcUrl(database), login);
  }

  private static PostgreSqlServer start() {
    Path postgres = find("postgres")
        .or(() -> TestServers.installDebianPackage("postgresql") ? find("postgres") : Optional.empty())
        .orElseThrow(() -> new IllegalStateException("PostgreSQL is needed for these tests but postgres was not found on PATH or in " + searchDirs()
            + (TestServers.isRoot() ? "; installing it with apt-get failed (see above)" : "; install it with: sudo apt-get install postgresql")));
    Path server = realPath(postgres);
    // initdb and pg_ctl of the same installation as the server.
    Path bin = server.getParent();
    Path initdb = bin.resolve("initdb");
    Path pgCtl = bin.resolve("pg_ctl");
    Path home = TestServers.temporaryHome("doppel-postgresql-", () -> {
      PostgreSqlServer running = shared;
      if (running != null) {
        running.stop();
      }
    });
    Path data = home.resolve("data");
    initialise(initdb, home, data);
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return launch(server, pgCtl, home, data, TestServers.freePort());
      } catch (IllegalStateException e) {
        // Most likely another process took the free port between probing and binding it.
        last = e;
      }
    }
    throw last;
  }

  private static Path realPath(Path program) {
    try {
      return program.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + program, e);
    }
  }

  private static void initialise(Path initdb, Path home, Path data) {
    Path passwordFile = home.resolve("password");
    try {
      Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
      if (TestServers.isRoot()) {
        UserPrincipal owner = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED_USER);
        Files.setOwner(home, owner);
        Files.setOwner(passwordFile, owner);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare " + home + " for the PostgreSQL test server"
          + (TestServers.isRoot() ? " as user " + UNPRIVILEGED_USER : "") + ": " + e.getMessage(), e);
    }
    Path log = home.resolve("initdb.log");
    int exit = TestServers.run(asServerUser(initdb.toString(), "--pgdata=" + data, "--username=" + SUPERUSER, "--pwfile=" + passwordFile,
        "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync"), log, Duration.ofSeconds(120));
    if (exit != 0) {
      throw new IllegalStateException("initdb failed with exit code " + exit + ":\n" + TestServers.tail(log));
    }
  }

  private static PostgreSqlServer launch(Path postgres, Path pgCtl, Path home, Path data, int port) {
    Path output = home.resolve("postgres-" + port + ".log");
    List<String> command = asServerUser(postgres.toString(), "-D", data.toString(), "-p", Integer.toString(port), "-h", "127.0.0.1",
        "-k", home.toString(), "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=40");
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + postgres + ": " + e.getMessage(), e);
    }
    PostgreSqlServer server = new PostgreSqlServer(process, pgCtl, data, port);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SQLException lastError = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("postgres exited with code " + process.exitValue() + " while starting on port " + port + ":\n" + TestServers.tail(output));
      }
      try (Connection ignored = server.connect("postgres")) {
        return server;
      } catch (SQLException e) {
        lastError = e;
      }
      TestServers.sleep(200);
    }
    server.stop();
    throw new IllegalStateException("postgres did not accept connections on port " + port + " within " + START_TIMEOUT.toSeconds()
        + " s (last error: " + (lastError == null ? "none" : lastError.getMessage()) + "):\n" + TestServers.tail(output));
  }

  /** A fast shutdown (open sessions are ended), which {@code destroy}'s SIGTERM would not give: that one waits for them. */
  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    Path log = data.getParent().resolve("pg_ctl-stop.log");
    TestServers.run(asServerUser(pgCtl.toString(), "stop", "-D", data.toString(), "-m", "fast", "-w"), log, Duration.ofSeconds(30));
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        TestServers.stop(process);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The command as the server's user runs it: ourselves, or the unprivileged user when we are root. */
  private static List<String> asServerUser(String... command) {
    List<String> full = new ArrayList<>();
    if (TestServers.isRoot()) {
      full.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
    }
    full.addAll(List.of(command));
    return full;
  }

  private static Optional<Path> find(String name) {
    return TestServers.find(searchDirs(), name);
  }

  /** Where Debian (one folder per major version, newest first) and source builds put the server. */
  private static List<String> searchDirs() {
    List<String> dirs = new ArrayList<>(List.of("/usr/local/bin", "/usr/local/pgsql/bin"));
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions.map(version -> version.resolve("bin")).sorted(Comparator.comparing(PostgreSqlServer::majorVersion).reversed())
            .forEach(bin -> dirs.add(bin.toString()));
      } catch (IOException | UncheckedIOException e) {
        // an unreadable folder is a folder without the server
      }
    }
    return dirs;
  }

  private static int majorVersion(Path bin) {
    String version = bin.getParent().getFileName().toString();
    return version.matches("\\d{1,4}") ? Integer.parseInt(version) : 0;
  }
}
