package dev.doppel.adapter.files;

import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.TableReader;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.TextEncoding;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import dev.doppel.domain.dataset.profile.TableRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads stored CSV and Parquet tables as rows of text, streaming, so memory stays flat whatever the
 * file's size. The format is recognised from the bytes: Parquet's {@code PAR1} magic, else text
 * whose delimiter is sniffed from the first records.
 *
 * <p>Detection reads nothing back: an {@link UploadWatch} sees the bytes as they are stored. Text
 * is UTF-8 when the whole file is valid UTF-8, else Windows-1252 when every byte is a
 * printable Windows-1252 character, a tab or a line end; anything else is binary and refused. A
 * Windows-1252 file is rewritten as UTF-8 when it is detected, once, so that every reader after
 * that (including the synthesis engine, which reads the stored file itself) sees UTF-8.
 */
public final class StreamingTableReader implements TableReader {
  static final int SAMPLE_BYTES = TableRules.SHARED.sniffBytes();
  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

  private final FileStore files;
  private final ReadingLimits limits;

  public StreamingTableReader(FileStore files, ReadingLimits limits) {
    this.files = files;
    this.limits = limits;
  }

  /** With the default limits. */
  public StreamingTableReader(FileStore files) {
    this(files, ReadingLimits.DEFAULT);
  }

  @Override
  public WatchedUpload watch(InputStream upload) {
    return new UploadWatch(upload, SAMPLE_BYTES);
  }

  @Override
  public TableLayout detect(String key, WatchedUpload upload) {
    if (!(upload instanceof UploadWatch watched)) {
      throw new IllegalArgumentException("the upload was not watched by this reader");
    }
    byte[] sample = watched.sample();
    boolean complete = watched.complete();
    if (sample.length == 0) {
      throw new InvalidTableException("file", "the file is empty");
    }
    if (startsWith(sample, PARQUET_MAGIC)) {
      ParquetBounds.of(files.locate(key), limits);
      return new TableLayout(FileFormat.PARQUET, ',', Optional.empty());
    }
    for (byte b : sample) {
      if (b == 0) {
        throw binary();
      }
    }
    TextEncoding encoding = watched.isUtf8() ? TextEncoding.UTF_8 : TextEncoding.WINDOWS_1252;
    String text;
    if (encoding == TextEncoding.UTF_8) {
      text = decodeUtf8(sample, complete);
    } else {
      rewriteAsUtf8(key);
      text = decodeWindows1252(sample);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank() && complete) {
      throw new InvalidTableException("file", "the file is empty");
    }
    return new TableLayout(FileFormat.CSV, DelimiterSniffer.sniff(text, complete), Optional.of(encoding));
  }

  @Override
  public void read(String key, TableLayout layout, RowConsumer consumer) {
    if (layout.format() == FileFormat.PARQUET) {
      ParquetTableReader.read(files.locate(key), limits, consumer);
      return;
    }
    readCsv(key, layout.delimiter(), consumer);
  }

  private void readCsv(String key, char delimiter, RowConsumer consumer) {
    try (CsvParser parser = new CsvParser(files.open(key), delimiter, limits)) {
      String[] header = parser.next();
      if (header == null) {
        throw new InvalidTableException("file", "the file is empty");
      }
      List<String> names = new ArrayList<>(header.length);
      for (String name : header) {
        names.add(name.strip());
      }
      consumer.header(names);
      String[] row;
      while ((row = parser.next()) != null) {
        if (!consumer.row(row)) {
          return;
        }
      }
    }
  }

  /**
   * The sample of a valid UTF-8 file as text. A character cut in two by the end of the sample is
   * simply dropped.
   */
  private static String decodeUtf8(byte[] sample, boolean complete) {
    CharsetDecoder decoder = UploadWatch.strictUtf8();
    CharBuffer out = CharBuffer.allocate(sample.length);
    decoder.decode(ByteBuffer.wrap(sample), out, complete);
    if (complete) {
      decoder.flush(out);
    }
    return out.flip().toString();
  }

  /** The sample of a file that {@link #rewriteAsUtf8} found to be Windows-1252 text. */
  private static String decodeWindows1252(byte[] sample) {
    char[] text = new char[sample.length];
    for (int i = 0; i < sample.length; i++) {
      text[i] = Windows1252ToUtf8.decode(sample[i] & 0xff);
    }
    return new String(text);
  }

  private void rewriteAsUtf8(String key) {
    try (InputStream utf8 = new Windows1252ToUtf8(files.open(key))) {
      files.write(key, utf8, Long.MAX_VALUE);
    } catch (Windows1252ToUtf8.NotTextException e) {
      throw new InvalidTableException("file", binary().getMessage() + " (line " + e.line() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the file stored under " + key, e);
    }
  }

  private static InvalidTableException binary() {
    return new InvalidTableException("file", "the file is not a CSV or Parquet table: it contains binary data");
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
