package dev.doppel.adapter.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads Windows-1252 text as UTF-8 bytes. Control bytes other than tab, line feed and carriage
 * return, and the five bytes Windows-1252 leaves undefined, mean the input is not text: they throw
 * {@link NotTextException}.
 */
final class Windows1252ToUtf8 extends InputStream {
  /** Unicode for bytes 0x80-0x9F; 0 where Windows-1252 defines no character. */
  private static final char[] HIGH_CONTROLS = {
    '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', 0, '\u017D', 0,
    0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178'
  };

  private final InputStream source;
  private final byte[] in = new byte[16 * 1024];
  /** Three UTF-8 bytes at most per input byte. */
  private final byte[] out = new byte[3 * in.length];
  private int outPos;
  private int outLim;
  private long line = 1;

  Windows1252ToUtf8(InputStream source) {
    this.source = source;
  }

  /** Whether a byte may appear in Windows-1252 text. */
  private static boolean isText(int unsigned) {
    if (unsigned < 0x20) {
      return unsigned == '\t' || unsigned == '\n' || unsigned == '\r';
    }
    if (unsigned == 0x7F) {
      return false;
    }
    return unsigned < 0x80 || unsigned > 0x9F || HIGH_CONTROLS[unsigned - 0x80] != 0;
  }

  static char decode(int unsigned) {
    return unsigned >= 0x80 && unsigned <= 0x9F ? HIGH_CONTROLS[unsigned - 0x80] : (char) unsigned;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (outPos == outLim && !refill()) {
      return -1;
    }
    int n = Math.min(length, outLim - outPos);
    System.arraycopy(out, outPos, target, offset, n);
    outPos += n;
    return n;
  }

  private boolean refill() throws IOException {
    int read = source.read(in);
    if (read < 0) {
      return false;
    }
    int o = 0;
    for (int i = 0; i < read; i++) {
      int b = in[i] & 0xff;
      if (b < 0x80 && b >= 0x20) {
        out[o++] = (byte) b;
        continue;
      }
      if (!isText(b)) {
        throw new NotTextException(line);
      }
      if (b == '\n') {
        line++;
      }
      char c = decode(b);
      if (c < 0x80) {
        out[o++] = (byte) c;
      } else if (c < 0x800) {
        out[o++] = (byte) (0xC0 | c >> 6);
        out[o++] = (byte) (0x80 | c & 0x3F);
      } else {
        out[o++] = (byte) (0xE0 | c >> 12);
        out[o++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[o++] = (byte) (0x80 | c & 0x3F);
      }
    }
    outPos = 0;
    outLim = o;
    return true;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  /** The input holds a byte that no text file has. */
  static final class NotTextException extends RuntimeException {
    private final long line;

    NotTextException(long line) {
      super("line " + line + " holds a byte that is not text");
      this.line = line;
    }

    long line() {
      return line;
    }
  }
}
