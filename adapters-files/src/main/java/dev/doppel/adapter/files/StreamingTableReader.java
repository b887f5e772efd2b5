package dev.doppel.adapter.files;

import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads stored CSV and Parquet tables as rows of text, streaming, so memory stays flat whatever the
 * file's size. The format is recognised from the bytes: Parquet's {@code PAR1} magic, else UTF-8
 * text whose delimiter is sniffed from the first records.
 */
public final class StreamingTableReader implements TableReader {
  static final int SAMPLE_BYTES = 64 * 1024;
  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

  private final FileStore files;

  public StreamingTableReader(FileStore files) {
    this.files = files;
  }

  @Override
  public TableLayout detect(String key) {
    byte[] sample;
    boolean complete;
    try (InputStream in = files.open(key)) {
      sample = in.readNBytes(SAMPLE_BYTES);
      complete = sample.length < SAMPLE_BYTES || in.read() == -1;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the file stored under " + key, e);
    }
    if (sample.length == 0) {
      throw new InvalidTableException("file", "the file is empty");
    }
    if (startsWith(sample, PARQUET_MAGIC)) {
      checkParquetTail(key);
      return new TableLayout(FileFormat.PARQUET, ',');
    }
    String text = decodeText(sample, complete);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank() && complete) {
      throw new InvalidTableException("file", "the file is empty");
    }
    return new TableLayout(FileFormat.CSV, DelimiterSniffer.sniff(text, complete));
  }

  @Override
  public void read(String key, TableLayout layout, RowConsumer consumer) {
    if (layout.format() == FileFormat.PARQUET) {
      ParquetTableReader.read(files.locate(key), consumer);
      return;
    }
    readCsv(key, layout.delimiter(), consumer);
  }

  private void readCsv(String key, char delimiter, RowConsumer consumer) {
    try (CsvParser parser = new CsvParser(files.open(key), delimiter)) {
      String[] header = parser.next();
      if (header == null) {
        throw new InvalidTableException("file", "the file is empty");
      }
      List<String> names = new ArrayList<>(header.length);
      for (String name : header) {
        names.add(name.strip());
      }
      consumer.header(names);
      int width = header.length;
      String[] row;
      while ((row = parser.next()) != null) {
        if (row.length != width) {
          throw new InvalidTableException(
              "file", "line " + parser.recordLine() + " has " + row.length + " " + fields(row.length) + " but the header has " + width);
        }
        if (!consumer.row(row)) {
          return;
        }
      }
    }
  }

  private static String fields(int count) {
    return count == 1 ? "field" : "fields";
  }

  /**
   * The sample as text, or a refusal when it is binary: NUL bytes or bytes that are not UTF-8. A
   * character cut in two by the end of the sample is not an error unless the file ends there.
   */
  private static String decodeText(byte[] sample, boolean complete) {
    for (byte b : sample) {
      if (b == 0) {
        throw binary();
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(sample);
    CharBuffer out = CharBuffer.allocate(sample.length);
    CoderResult result = decoder.decode(in, out, complete);
    if (result.isError()) {
      throw binary();
    }
    if (complete) {
      decoder.flush(out);
    }
    // An incomplete sequence left in `in` at the sample's end is simply dropped.
    return out.flip().toString();
  }

  private static InvalidTableException binary() {
    return new InvalidTableException("file", "the file is not a CSV or Parquet table: it contains binary data");
  }

  private void checkParquetTail(String key) {
    Path file = files.locate(key);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer tail = ByteBuffer.allocate(PARQUET_MAGIC.length);
      // Magic at both ends with at least a footer length between them.
      long at = size - PARQUET_MAGIC.length;
      while (size >= 12 && tail.hasRemaining() && channel.read(tail, at + tail.position()) >= 0) {
        // a file channel reads all four bytes at once in practice; loop for the rule's sake
      }
      if (size < 12 || !startsWith(tail.array(), PARQUET_MAGIC)) {
        throw new InvalidTableException("file", "the Parquet file is truncated");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the file stored under " + key, e);
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
