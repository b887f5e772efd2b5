package dev.doppel.adapter.files;

import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.TableReader.RowConsumer;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.DatasetProfile;
import dev.doppel.domain.dataset.profile.ProfilingLimits;
import dev.doppel.domain.dataset.profile.TableProfiler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures how fast a large CSV is read, and read and profiled, and how much heap that takes. Not a
 * test: run it by hand, with a small heap to check that memory stays flat.
 *
 * <pre>
 * # make a ~1 GB CSV by repeating adult.csv's rows, then measure
 * java -Xmx512m -cp … dev.doppel.adapter.files.ProfileThroughput --generate ../shared/datasets/adult.csv /tmp/adult-1g.csv 1024
 * java -Xmx512m -cp … dev.doppel.adapter.files.ProfileThroughput /tmp/adult-1g.csv
 * </pre>
 */
public final class ProfileThroughput {
  private ProfileThroughput() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 4 && args[0].equals("--generate")) {
      generate(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]) * 1024 * 1024);
      return;
    }
    if (args.length != 1) {
      System.err.println("usage: ProfileThroughput <file.csv> | --generate <source.csv> <target.csv> <megabytes>");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    long bytes = Files.size(file);
    SingleFile store = new SingleFile(file);
    StreamingTableReader reader = new StreamingTableReader(store);
    System.out.printf(Locale.ROOT, "file %s, %.1f MB%n", file, bytes / 1e6);
    System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));

    // Detection reads the whole file once to learn whether all of it is UTF-8.
    TableLayout[] detected = new TableLayout[1];
    measure("detect", bytes, () -> (detected[0] = StoredTables.detect(reader, store, "file")).toString());
    TableLayout layout = detected[0];

    measure("read only", bytes, () -> {
      long[] rows = {0};
      reader.read("file", layout, consumer(header -> {}, values -> rows[0]++));
      return rows[0] + " rows";
    });
    measure("read + profile", bytes, () -> {
      TableProfiler[] profiler = new TableProfiler[1];
      reader.read(
          "file",
          layout,
          consumer(header -> profiler[0] = new TableProfiler(header, ProfilingLimits.DEFAULT, Map.of()), values -> profiler[0].accept(values)));
      DatasetProfile profile = profiler[0].finish();
      return profile.rowCount() + " rows, types " + profile.types();
    });
  }

  private interface Run {
    String run();
  }

  private static void measure(String label, long bytes, Run run) {
    System.gc();
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    long gcCountBefore = gcCount();
    long gcTimeBefore = gcTime();
    long start = System.nanoTime();
    String result = run.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peakHeap = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long oldGenPeak =
        heapPools.stream().filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured")).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(
        Locale.ROOT,
        "%-15s %6.1f s  %6.1f MB/s  peak heap %4d MB (sum of pool peaks; old gen %d MB)  GCs %d (%d ms)  -> %s%n",
        label,
        seconds,
        bytes / 1e6 / seconds,
        peakHeap / (1024 * 1024),
        oldGenPeak / (1024 * 1024),
        gcCount() - gcCountBefore,
        gcTime() - gcTimeBefore,
        result);
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static long gcTime() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static RowConsumer consumer(java.util.function.Consumer<List<String>> header, java.util.function.Consumer<String[]> row) {
    return new RowConsumer() {
      @Override
      public void header(List<String> columnNames) {
        header.accept(columnNames);
      }

      @Override
      public boolean row(String[] values) {
        row.accept(values);
        return true;
      }
    };
  }

  /** Writes the source's header once, then its data rows over and over until the target is big enough. */
  private static void generate(Path source, Path target, long targetBytes) throws IOException {
    byte[] all = Files.readAllBytes(source);
    int headerEnd = indexOf(all, (byte) '\n') + 1;
    byte[] body = Arrays.copyOfRange(all, headerEnd, all.length);
    if (body.length > 0 && body[body.length - 1] != '\n') {
      body = Arrays.copyOf(body, body.length + 1);
      body[body.length - 1] = '\n';
    }
    long written = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
      out.write(all, 0, headerEnd);
      written += headerEnd;
      while (written < targetBytes) {
        out.write(body);
        written += body.length;
      }
    }
    System.out.printf(Locale.ROOT, "wrote %s: %.1f MB%n", target, written / 1e6);
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new IllegalArgumentException(new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.UTF_8) + "… has no line end");
  }

  /** A file store holding just the one file under test, under any key. */
  private record SingleFile(Path file) implements FileStore {
    @Override
    public StoredContent write(String key, InputStream content, long maxBytes) {
      throw new UnsupportedOperationException();
    }

    @Override
    public InputStream open(String key) {
      try {
        return Files.newInputStream(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public StoredContent inspect(String key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Path locate(String key) {
      return file;
    }

    @Override
    public void delete(String keyOrPrefix) {
      throw new UnsupportedOperationException();
    }
  }
}
