package dev.doppel.adapter.files.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet "file" that is the caller's stream, so that nothing is staged on disk: Parquet only
 * appends and needs to know its position, which a byte count gives. Closing it flushes but leaves
 * the caller's stream open.
 */
final class StreamOutputFile implements OutputFile {
  private final OutputStream out;
  private CountingStream stream;

  StreamOutputFile(OutputStream out) {
    this.out = out;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    if (stream != null) {
      throw new IllegalStateException("a stream can be written only once");
    }
    stream = new CountingStream(new BufferedOutputStream(out, Utf8Output.BUFFER_BYTES));
    return stream;
  }

  /** Sends what is buffered so far, such as the file's leading magic bytes. */
  void flush() throws IOException {
    if (stream != null) {
      stream.flush();
    }
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return create(blockSizeHint);
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return "stream";
  }

  private static final class CountingStream extends PositionOutputStream {
    private final BufferedOutputStream out;
    private long position;

    CountingStream(BufferedOutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
