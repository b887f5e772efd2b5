package dev.doppel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.bootstrap.Api.Reply;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile uploads against the real application in its own JVM on a 512 MB heap: each is refused
 * within seconds with a specific problem, the health endpoint answers all the while, and nothing of
 * a refused upload stays in the data directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUploadTest {
  private static final Duration QUICK = Duration.ofSeconds(30);

  @TempDir static Path dataDir;
  @TempDir static Path inputs;
  private ApplicationProcess app;
  private int port;
  private Api api;
  private String token;
  private long project;

  @BeforeAll
  void start() throws Exception {
    Files.createDirectories(dataDir.resolve("tmp"));
    Files.writeString(dataDir.resolve("tmp/upload_left_by_a_killed_process.tmp"), "1,2,3\n");
    port = ApplicationProcess.freePort();
    app = ApplicationProcess.start("512m", port, dataDir, inputs.resolve("app.log"));
    api = new Api(port);
    token = api.signUp("hostile");
    project = api.createProject(token, "Hostile inputs");
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void refusesEveryHostileUploadQuicklyStaysHealthyAndKeepsNothingOfThem() throws Exception {
    Path twoMillionFields = generate("fields.csv", "", "a,", 2_000_000, "\n");
    Path singleRecord = generate("record.csv", "", "a,", 200L * 1024 * 1024, "\n");
    Path hundredMegabyteField = generate("field.csv", "id,comment\n1,", "x", 100L * 1024 * 1024, "\n2,short\n");
    Path megabyteName = generate("name.csv", "", "n", 1024 * 1024, ",b\n1,2\n");
    Path parquetBeyondItsLength = write("beyond.parquet", withFirstChunkDeclaring(ParquetFixture.penguinsLike(), 1L << 40));
    byte[] randomBytes = new byte[256 * 1024];
    new Random(11).nextBytes(randomBytes);
    Path randomParquet = write("random.parquet", randomBytes);
    Path binary = write("binary.csv", invalidUtf8Binary());

    try (HealthWatch health = new HealthWatch(api)) {
      expectProblem(twoMillionFields, 413, "the header (line 1) has more than 500 columns; the limit is 500");
      expectProblem(singleRecord, 413, "the header (line 1) has more than 500 columns; the limit is 500");
      expectProblem(hundredMegabyteField, 413, "line 2, column 2 ('comment'): a value is longer than the limit of 1000000 characters");
      expectProblem(megabyteName, 400, "column 1 of the header (line 1): the name is longer than 256 characters");
      expectProblem(parquetBeyondItsLength, 400, "the Parquet file is corrupt: column 'species' of row group 1 declares 1099511627776 bytes");
      expectProblem(randomParquet, 400, "the file is not a CSV or Parquet table: it contains binary data");
      expectProblem(binary, 400, "the file is not a CSV or Parquet table: it contains binary data");
      health.assertAnsweredThroughout();
    }

    assertThat(api.get("/api/datasets?projectId=" + project, token).json()).isEmpty();
    assertThat(storedFiles()).as(listing()).isEmpty();
  }

  @Test
  void acceptsAWindows1252CsvWithItsAccentsIntact() throws Exception {
    String text = "name;city;note\nJos\u00e9;Besan\u00e7on;\u20ac 12 \u2013 d\u00e9j\u00e0 pay\u00e9\n\u00c5sa;K\u00f6ln;na\u00efve\n";
    Reply uploaded = api.upload(token, project, "excel.csv", text.getBytes(Charset.forName("windows-1252")));

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(uploaded.json().get("encoding").asText()).isEqualTo("windows-1252");
    long id = uploaded.json().get("id").asLong();
    assertThat(api.get("/api/datasets/" + id, token).json().get("encoding").asText()).isEqualTo("windows-1252");
    JsonNode rows = api.get("/api/datasets/" + id + "/preview", token).json().get("rows");
    assertThat(rows.get(0).get(1).asText()).isEqualTo("Besan\u00e7on");
    assertThat(rows.get(0).get(2).asText()).isEqualTo("\u20ac 12 \u2013 d\u00e9j\u00e0 pay\u00e9");
    assertThat(rows.get(1).get(0).asText()).isEqualTo("\u00c5sa");
    String csv = new String(api.download("/api/datasets/" + id + "/download?format=csv&delimiter=;", token).body(), StandardCharsets.UTF_8);
    assertThat(csv.replace("\r\n", "\n")).isEqualTo(text);
    api.delete("/api/datasets/" + id, token);
  }

  @Test
  void startsWithTheUploadFolderEmptiedOfWhatAKilledProcessLeft() {
    assertThat(dataDir.resolve("tmp")).isEmptyDirectory();
  }

  @Test
  void aClientThatDisconnectsMidUploadLeavesNothingBehind() throws Exception {
    String boundary = "----hangup";
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"projectId\"\r\n\r\n" + project + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"half.csv\"\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/datasets/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
          + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + 100L * 1024 * 1024 + "\r\n\r\n" + head)
          .getBytes(StandardCharsets.UTF_8));
      byte[] rows = "1,2,3\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
      for (long sent = 0; sent < 20L * 1024 * 1024; sent += rows.length) {
        out.write(rows);
      }
      out.flush();
      waitUntil(() -> partsInProgress() > 0);
    }

    waitUntil(() -> storedFiles().isEmpty());
    assertThat(api.get("/api/datasets?projectId=" + project, token).json()).isEmpty();
    assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + QUICK.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited " + QUICK).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private void expectProblem(Path file, int status, String detail) {
    long started = System.nanoTime();
    Reply reply = api.upload(token, project, file.getFileName().toString(), file);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(reply.status()).as(file.getFileName() + ": " + reply).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("field").asText()).isEqualTo("file");
    assertThat(reply.json().get("detail").asText()).as(file.getFileName().toString()).startsWith(detail);
    assertThat(took).as(file.getFileName() + " answered after " + took).isLessThan(QUICK);
  }

  /** Files of datasets and multipart parts under the data directory (not the database or the key). */
  private List<Path> storedFiles() {
    try (Stream<Path> all = Files.walk(dataDir)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> p.startsWith(dataDir.resolve("files")) || p.startsWith(dataDir.resolve("tmp")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long partsInProgress() {
    try (Stream<Path> parts = Files.list(dataDir.resolve("tmp"))) {
      return parts.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String listing() throws IOException {
    try (Stream<Path> all = Files.walk(dataDir)) {
      return "the data directory holds:\n" + String.join("\n", all.map(p -> dataDir.relativize(p).toString()).toList());
    }
  }

  /** Writes {@code head}, then {@code unit} until {@code count} units, then {@code tail}, streaming. */
  private Path generate(String name, String head, String unit, long count, String tail) throws IOException {
    Path file = inputs.resolve(name);
    byte[] chunk = unit.repeat(64 * 1024 / unit.length()).getBytes(StandardCharsets.UTF_8);
    long unitsPerChunk = chunk.length / unit.length();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      long written = 0;
      for (; written + unitsPerChunk <= count; written += unitsPerChunk) {
        out.write(chunk);
      }
      out.write(unit.repeat((int) (count - written)).getBytes(StandardCharsets.UTF_8));
      out.write(tail.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(inputs.resolve(name), bytes);
  }

  /** Text with control bytes and byte sequences that are neither UTF-8 nor Windows-1252 text. */
  private static byte[] invalidUtf8Binary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("name,value\n".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 1000; i++) {
      bytes.writeBytes(new byte[] {'a', (byte) 0xff, (byte) 0xfe, 0x1b, 0x02, (byte) 0xc3, ',', '1', '\n'});
    }
    return bytes.toByteArray();
  }

  /** The same file with its footer rewritten so that the first column chunk declares {@code size} bytes. */
  private static byte[] withFirstChunkDeclaring(byte[] parquet, long size) throws IOException {
    int footerLength = ByteBuffer.wrap(parquet, parquet.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int footerStart = parquet.length - 8 - footerLength;
    FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(parquet, footerStart, footerLength));
    ColumnChunk chunk = footer.getRow_groups().get(0).getColumns().get(0);
    chunk.getMeta_data().setTotal_compressed_size(size);
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, rewritten);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(parquet, 0, footerStart);
    rewritten.writeTo(file);
    file.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(rewritten.size()).array());
    file.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
    return file.toByteArray();
  }

  /** Polls the health endpoint from another thread, noting every failure and the slowest answer. */
  private static final class HealthWatch implements AutoCloseable {
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong slowestMillis = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;

    HealthWatch(Api api) {
      poller = new Thread(() -> {
        while (running) {
          long started = System.nanoTime();
          try {
            Reply reply = api.get("/actuator/health", null);
            if (reply.status() != 200) {
              failures.add(reply.toString());
            }
          } catch (RuntimeException e) {
            failures.add(e.toString());
          }
          answers.incrementAndGet();
          slowestMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "health-watch");
      poller.start();
    }

    void assertAnsweredThroughout() {
      assertThat(failures).as("health answers that were not 200").isEmpty();
      assertThat(answers.get()).isGreaterThan(5);
      assertThat(slowestMillis.get()).as("slowest health answer in ms").isLessThan(10_000);
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      poller.join();
    }
  }
}
