package dev.doppel.application.service;

import dev.doppel.application.port.out.TableReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A table sent row by row (header first) turned into a stream of CSV text that an upload reads,
 * so a table of any size passes through a small buffer. A thread of its own sends the rows; when
 * the sending fails, the stream's reader gets an {@link IOException} rather than a short table,
 * and {@link #failure()} holds what went wrong.
 */
final class TableCsvPipe implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 16;

  private final PipedInputStream input;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final Thread sender;

  private TableCsvPipe(Consumer<TableReader.RowConsumer> source, String name) throws IOException {
    input = new FailingPipe(BUFFER_BYTES);
    PipedOutputStream output = new PipedOutputStream(input);
    sender = new Thread(() -> send(source, output), "table-pipe-" + name);
    sender.setDaemon(true);
  }

  static TableCsvPipe start(Consumer<TableReader.RowConsumer> source, String name) {
    try {
      TableCsvPipe pipe = new TableCsvPipe(source, name);
      pipe.sender.start();
      return pipe;
    } catch (IOException e) {
      throw new UncheckedIOException("could not open a pipe for table " + name, e);
    }
  }

  InputStream stream() {
    return input;
  }

  Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Stops reading; the sender then fails at its next write and ends. */
  @Override
  public void close() {
    try {
      input.close();
      sender.join(10_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send(Consumer<TableReader.RowConsumer> source, PipedOutputStream output) {
    Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
    try {
      source.accept(new TableReader.RowConsumer() {
        @Override
        public void header(List<String> columnNames) {
          line(writer, columnNames.toArray(String[]::new));
        }

        @Override
        public boolean row(String[] values) {
          line(writer, values);
          return true;
        }
      });
      writer.flush();
    } catch (RuntimeException e) {
      failure.set(e);
    } catch (IOException e) {
      failure.set(new UncheckedIOException("the table could not be passed on", e));
    } finally {
      // Only now: a reader that sees the end must already see the failure.
      try {
        writer.close();
      } catch (IOException closed) {
        failure.compareAndSet(null, new UncheckedIOException("the table could not be passed on", closed));
      }
    }
  }

  /** One CSV record; a null cell is written empty, a field holding a comma, quote or line break is quoted. */
  private static void line(Writer writer, String[] cells) {
    try {
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          writer.write(',');
        }
        String cell = cells[i];
        if (cell == null) {
          continue;
        }
        if (cell.isEmpty() || cell.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
          writer.write('"');
          writer.write(cell.replace("\"", "\"\""));
          writer.write('"');
        } else {
          writer.write(cell);
        }
      }
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends in an error, not in a short table, when the sender failed. */
  private final class FailingPipe extends PipedInputStream {
    FailingPipe(int size) {
      super(size);
    }

    @Override
    public synchronized int read() throws IOException {
      int value = super.read();
      return value < 0 ? endOrFail() : value;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) throws IOException {
      int read = super.read(bytes, offset, length);
      return read < 0 ? endOrFail() : read;
    }

    private int endOrFail() throws IOException {
      RuntimeException failed = failure.get();
      if (failed != null) {
        throw new IOException(failed.getMessage(), failed);
      }
      return -1;
    }
  }
}
