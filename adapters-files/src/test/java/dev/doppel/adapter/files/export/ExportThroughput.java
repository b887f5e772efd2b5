package dev.doppel.adapter.files.export;

import dev.doppel.adapter.files.LocalFileStore;
import dev.doppel.adapter.files.StoredTables;
import dev.doppel.adapter.files.StreamingTableReader;
import dev.doppel.application.port.out.TableReader.RowConsumer;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.dataset.profile.TableProfiler;
import dev.doppel.domain.export.ExportFormat;
import dev.doppel.domain.export.ExportOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Export throughput per format, side by side with a plain copy of the stored file (and a read that
 * only parses) in the same run. Not a test: run it by hand, with a small heap to show memory stays
 * flat. It builds a table of about {@code rows} rows by repeating a CSV's data rows into a temporary
 * folder (deleted afterwards), profiles it for the schema, runs every measurement once to warm up,
 * then once timed.
 *
 * <pre>
 * java -Xmx256m -cp … dev.doppel.adapter.files.export.ExportThroughput ../../shared/datasets/taxis.csv 1000000
 * </pre>
 */
public final class ExportThroughput {
  private ExportThroughput() {}

  private interface Job {
    void run(OutputStream out) throws IOException;
  }

  private record Result(String label, double seconds, long bytes, double firstByteSeconds, long peakHeapBytes, long peakOldBytes) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ExportThroughput <source.csv> <rows>");
      System.exit(2);
    }
    Path dir = Files.createTempDirectory("doppel-export-bench-");
    try {
      run(Path.of(args[0]), Long.parseLong(args[1]), dir);
    } finally {
      new LocalFileStore(dir).delete("t");
      Files.deleteIfExists(dir);
    }
  }

  private static void run(Path source, long targetRows, Path dir) throws IOException {
    LocalFileStore store = new LocalFileStore(dir);
    long rows = generate(source, store.locate("t/table"), targetRows);
    StreamingTableReader reader = new StreamingTableReader(store);
    StreamingTableExporter exporter = new StreamingTableExporter(reader);
    TableLayout layout = StoredTables.detect(reader, store, "t/table");
    List<ColumnSchema> schema = profile(reader, layout);
    long fileBytes = Files.size(store.locate("t/table"));

    List<String> labels = new ArrayList<>(List.of("plain copy", "read only (parse)"));
    List<Job> jobs = new ArrayList<>();
    jobs.add(out -> {
      try (InputStream in = store.open("t/table")) {
        in.transferTo(new BufferedOutputStream(out, Utf8Output.BUFFER_BYTES));
      }
    });
    jobs.add(out -> reader.read("t/table", layout, new RowConsumer() {
      @Override
      public void header(List<String> columnNames) {}

      @Override
      public boolean row(String[] values) {
        return true;
      }
    }));
    for (ExportFormat format : ExportFormat.values()) {
      labels.add(format.extension());
      jobs.add(out -> exporter.export("t/table", layout, schema, format, ExportOptions.DEFAULT, out));
    }

    System.out.printf(Locale.ROOT, "source %s repeated to %,d rows, %.1f MB stored; max heap %d MB; %d cores; %s %s%n", source.getFileName(), rows,
        fileBytes / 1e6, Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"));
    System.out.println("schema " + schema.stream().map(c -> c.name() + ":" + c.type().wireName()).toList());
    for (Job job : jobs) {
      measure("warm-up", job); // one full pass each, so the timed pass runs compiled code
    }
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      results.add(measure(labels.get(i), jobs.get(i)));
    }

    double copySeconds = results.get(0).seconds;
    double parseSeconds = results.get(1).seconds;
    System.out.println();
    System.out.println("| what | time (s) | rows/s | output MB | output MB/s | time ÷ plain copy | time ÷ parse only | first byte after (ms)"
        + " | peak heap, all pools (MB) | peak old gen (MB) |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %.2f | %,.0f | %.1f | %.1f | %.1f | %.2f | %s | %d | %d |%n", r.label, r.seconds, rows / r.seconds,
          r.bytes / 1e6, r.bytes / 1e6 / r.seconds, r.seconds / copySeconds, r.seconds / parseSeconds,
          r.firstByteSeconds < 0 ? "–" : String.format(Locale.ROOT, "%.0f", r.firstByteSeconds * 1e3), r.peakHeapBytes / (1024 * 1024),
          r.peakOldBytes / (1024 * 1024));
    }
  }

  private static Result measure(String label, Job job) throws IOException {
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    Discard out = new Discard();
    long start = System.nanoTime();
    out.start = start;
    job.run(out);
    out.flush();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long peakOld = heap.stream().filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured")).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    double firstByte = out.firstByteAt < 0 ? -1 : (out.firstByteAt - start) / 1e9;
    return new Result(label, seconds, out.bytes, firstByte, peak, peakOld);
  }

  /** Counts and drops bytes, noting when the first arrived. */
  private static final class Discard extends OutputStream {
    long start;
    long firstByteAt = -1;
    long bytes;

    @Override
    public void write(int b) {
      note(1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      note(len);
    }

    private void note(int len) {
      if (firstByteAt < 0 && len > 0) {
        firstByteAt = System.nanoTime();
      }
      bytes += len;
    }
  }

  private static List<ColumnSchema> profile(StreamingTableReader reader, TableLayout layout) {
    TableProfiler[] profiler = new TableProfiler[1];
    reader.read("t/table", layout, new RowConsumer() {
      @Override
      public void header(List<String> columnNames) {
        profiler[0] = new TableProfiler(columnNames, ProfilingLimits.DEFAULT, Map.of());
      }

      @Override
      public boolean row(String[] values) {
        profiler[0].accept(values);
        return true;
      }
    });
    return profiler[0].finish().schema();
  }

  /**
   * The source's header once, then its data rows over and over until there are at least {@code
   * rows}; returns how many there are. Assumes no line breaks inside fields, true of the shared datasets.
   */
  private static long generate(Path source, Path file, long rows) throws IOException {
    byte[] all = Files.readAllBytes(source);
    int headerEnd = 0;
    while (all[headerEnd++] != '\n') {
      // find the end of the header line
    }
    byte[] body = Arrays.copyOfRange(all, headerEnd, all.length);
    if (body.length > 0 && body[body.length - 1] != '\n') {
      body = Arrays.copyOf(body, body.length + 1);
      body[body.length - 1] = '\n';
    }
    long perCopy = 0;
    for (byte b : body) {
      perCopy += b == '\n' ? 1 : 0;
    }
    Files.createDirectories(file.getParent());
    long written = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write(all, 0, headerEnd);
      while (written < rows) {
        out.write(body);
        written += perCopy;
      }
    }
    return written;
  }
}
