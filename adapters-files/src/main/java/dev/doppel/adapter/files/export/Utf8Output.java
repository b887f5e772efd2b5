package dev.doppel.adapter.files.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Text to UTF-8 bytes through one 64 KiB buffer, straight into the caller's stream. Hand-rolled
 * rather than a {@code Writer} chain because the exporters write character runs they have already
 * scanned, and because {@link #flush()} must never close the caller's stream.
 */
final class Utf8Output {
  static final int BUFFER_BYTES = 64 * 1024;

  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int size;

  Utf8Output(OutputStream out) {
    this.out = out;
  }

  /** A character below U+0080. */
  void ascii(char c) throws IOException {
    if (size == buffer.length) {
      drain();
    }
    buffer[size++] = (byte) c;
  }

  /** Text known to be ASCII only: markup, numbers. */
  void ascii(String s) throws IOException {
    int n = s.length();
    if (size + n > buffer.length) {
      drain();
      if (n > buffer.length) {
        text(s, 0, n);
        return;
      }
    }
    for (int i = 0; i < n; i++) {
      buffer[size + i] = (byte) s.charAt(i);
    }
    size += n;
  }

  /** Bytes already encoded. */
  void bytes(byte[] bytes) throws IOException {
    if (size + bytes.length > buffer.length) {
      drain();
      if (bytes.length > buffer.length) {
        out.write(bytes);
        return;
      }
    }
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  void text(String s) throws IOException {
    text(s, 0, s.length());
  }

  /** Encodes {@code s[from, to)}; a surrogate half without its pair (never in decoded input) becomes '?'. */
  void text(String s, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      if (size + 4 > buffer.length) {
        drain();
      }
      char c = s.charAt(i);
      if (c < 0x80) {
        buffer[size++] = (byte) c;
      } else if (c < 0x800) {
        buffer[size++] = (byte) (0xC0 | (c >> 6));
        buffer[size++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          buffer[size++] = (byte) (0xF0 | (cp >> 18));
          buffer[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          buffer[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          buffer[size++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          buffer[size++] = '?';
        }
      } else {
        buffer[size++] = (byte) (0xE0 | (c >> 12));
        buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buffer[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  /** {@code yyyy-MM-dd}. */
  void date(LocalDate date) throws IOException {
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      ascii(date.toString());
      return;
    }
    padded(year, 4);
    ascii('-');
    padded(date.getMonthValue(), 2);
    ascii('-');
    padded(date.getDayOfMonth(), 2);
  }

  /** {@code yyyy-MM-dd<separator>HH:mm:ss}, then {@code .ffffff} when asked: one layout per column. */
  void dateTime(LocalDateTime time, char separator, boolean fraction) throws IOException {
    date(time.toLocalDate());
    ascii(separator);
    padded(time.getHour(), 2);
    ascii(':');
    padded(time.getMinute(), 2);
    ascii(':');
    padded(time.getSecond(), 2);
    if (fraction) {
      ascii('.');
      padded(time.getNano() / 1_000, 6);
    }
  }

  private void padded(int value, int width) throws IOException {
    if (size + width > buffer.length) {
      drain();
    }
    for (int i = size + width - 1; i >= size; i--) {
      buffer[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += width;
  }

  /** Sends what is buffered and flushes the caller's stream, leaving it open. */
  void flush() throws IOException {
    drain();
    out.flush();
  }

  private void drain() throws IOException {
    if (size > 0) {
      out.write(buffer, 0, size);
      size = 0;
    }
  }
}
