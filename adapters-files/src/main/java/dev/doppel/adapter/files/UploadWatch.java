package dev.doppel.adapter.files;

import dev.doppel.application.port.out.TableReader.WatchedUpload;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sees an upload's bytes once, as they pass into the store: it keeps the first {@code sampleBytes}
 * for sniffing and decides whether the whole file is UTF-8, so detection reads nothing back.
 */
final class UploadWatch implements WatchedUpload {
  private final InputStream bytes;
  private final byte[] sample;
  private int sampled;
  private long seen;
  private boolean ended;

  private final CharsetDecoder decoder = strictUtf8();
  private ByteBuffer carried = ByteBuffer.allocate(0);
  private long consumed;
  private long produced;
  private long lineEnds;
  private Utf8 verdict = Utf8.UNDECIDED;
  private long badLine;

  private enum Utf8 { UNDECIDED, VALID, NOT_UTF8, BROKEN }

  UploadWatch(InputStream upload, int sampleBytes) {
    this.sample = new byte[sampleBytes];
    this.bytes =
        new FilterInputStream(upload) {
          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            see(buffer, offset, n);
            return n;
          }

          @Override
          public long skip(long n) throws IOException {
            byte[] skipped = new byte[(int) Math.min(n, 8192)];
            int read = read(skipped, 0, skipped.length);
            return Math.max(read, 0);
          }
        };
  }

  static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  @Override
  public InputStream bytes() {
    return bytes;
  }

  /** The first bytes of the file, at most the sample's size. */
  byte[] sample() {
    requireEnded();
    return Arrays.copyOf(sample, sampled);
  }

  /** Whether the sample holds the whole file. */
  boolean complete() {
    requireEnded();
    return seen <= sample.length;
  }

  /**
   * Whether the whole file is UTF-8. A file that is UTF-8 with accents up to a bad byte is refused
   * there rather than read as Windows-1252, which would garble every accent before it.
   */
  boolean isUtf8() {
    requireEnded();
    if (verdict == Utf8.BROKEN) {
      throw new InvalidTableException("file", "line " + badLine + " is not valid UTF-8");
    }
    return verdict == Utf8.VALID;
  }

  private void requireEnded() {
    if (!ended) {
      throw new IllegalStateException("the upload was not stored to its end before it was detected");
    }
  }

  private void see(byte[] buffer, int offset, int n) {
    if (n < 0) {
      if (!ended) {
        ended = true;
        decode(new byte[0], 0, 0, true);
      }
      return;
    }
    int toSample = Math.min(n, sample.length - sampled);
    System.arraycopy(buffer, offset, sample, sampled, toSample);
    sampled += toSample;
    seen += n;
    decode(buffer, offset, n, false);
  }

  private void decode(byte[] buffer, int offset, int n, boolean last) {
    if (verdict != Utf8.UNDECIDED) {
      return;
    }
    ByteBuffer in = ByteBuffer.allocate(carried.remaining() + n);
    in.put(carried).put(buffer, offset, n).flip();
    CharBuffer chars = CharBuffer.allocate(Math.max(in.remaining(), 16));
    CoderResult result;
    do {
      chars.clear();
      int before = in.position();
      result = decoder.decode(in, chars, last);
      consumed += in.position() - before;
      // Every character of more than one byte makes fewer characters than bytes.
      produced += chars.position();
      countLineEnds(chars);
      if (result.isError()) {
        badLine = lineEnds + 1;
        verdict = produced < consumed ? Utf8.BROKEN : Utf8.NOT_UTF8;
        return;
      }
    } while (result.isOverflow());
    if (last) {
      verdict = Utf8.VALID;
    }
    carried = ByteBuffer.allocate(in.remaining()).put(in).flip();
  }

  private void countLineEnds(CharBuffer chars) {
    for (int i = 0; i < chars.position(); i++) {
      if (chars.get(i) == '\n') {
        lineEnds++;
      }
    }
  }
}
