package dev.doppel.adapter.files.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * JSON (RFC 8259), either one array of objects ({@code [}, objects separated by {@code ,\n},
 * {@code ]}) or JSON Lines (one object per line). Each object has every column, in order.
 *
 * <p>Values are typed: integers and floats as numbers (floats as Java prints them, so {@code
 * 181.0} keeps its point and every double reads back exactly), booleans, {@code null}, datetimes
 * as ISO-8601 strings {@code yyyy-MM-ddTHH:mm:ss} (with {@code .ffffff} when the column's layout
 * has fractions), dates as {@code yyyy-MM-dd}. Text is written as UTF-8 with quotes, backslashes
 * and control characters escaped; a cell that does not fit its column's type is written as its raw
 * text, a string.
 */
final class JsonTableWriter implements TableWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Utf8Output out;
  private final boolean lines;
  private ExportColumn[] columns;
  /** Each column's {@code "name":}, encoded once. */
  private byte[][] keys;
  private boolean any;

  /** @param lines JSON Lines when true, else a JSON array */
  JsonTableWriter(OutputStream out, boolean lines) {
    this.out = new Utf8Output(out);
    this.lines = lines;
  }

  @Override
  public void begin(List<ExportColumn> columns) throws IOException {
    this.columns = columns.toArray(new ExportColumn[0]);
    keys = new byte[this.columns.length][];
    for (int i = 0; i < keys.length; i++) {
      ByteArrayOutputStream key = new ByteArrayOutputStream();
      Utf8Output encoder = new Utf8Output(key);
      string(encoder, this.columns[i].name());
      encoder.ascii(':');
      encoder.flush();
      keys[i] = key.toByteArray();
    }
    if (!lines) {
      out.ascii('[');
    }
  }

  @Override
  public void row(String[] raw, Object[] typed, long row) throws IOException {
    if (!lines) {
      out.ascii(any ? ",\n" : "\n");
    }
    any = true;
    out.ascii('{');
    for (int i = 0; i < columns.length; i++) {
      if (i > 0) {
        out.ascii(',');
      }
      out.bytes(keys[i]);
      value(typed[i], columns[i]);
    }
    out.ascii('}');
    if (lines) {
      out.ascii('\n');
    }
  }

  @Override
  public void finish() throws IOException {
    if (!lines) {
      out.ascii(any ? "\n]\n" : "]\n");
    }
    out.flush();
  }

  private void value(Object value, ExportColumn column) throws IOException {
    if (value == null) {
      out.ascii("null");
    } else if (value instanceof String text) {
      string(out, text);
    } else if (value instanceof Long number) {
      out.ascii(Long.toString(number));
    } else if (value instanceof Double number) {
      // Finite by construction; Double.toString's exponent form (1.0E-5) is valid JSON too.
      out.ascii(Double.toString(number));
    } else if (value instanceof Boolean b) {
      out.ascii(b ? "true" : "false");
    } else if (value instanceof LocalDateTime time) {
      out.ascii('"');
      out.dateTime(time, 'T', column.fractionalSeconds());
      out.ascii('"');
    } else if (value instanceof LocalDate date) {
      out.ascii('"');
      out.date(date);
      out.ascii('"');
    } else {
      string(out, ((Mismatch) value).raw());
    }
  }

  private static void string(Utf8Output out, String s) throws IOException {
    out.ascii('"');
    int run = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.text(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> out.ascii("\\\"");
        case '\\' -> out.ascii("\\\\");
        case '\n' -> out.ascii("\\n");
        case '\r' -> out.ascii("\\r");
        case '\t' -> out.ascii("\\t");
        default -> {
          out.ascii("\\u00");
          out.ascii(HEX[c >> 4]);
          out.ascii(HEX[c & 0xF]);
        }
      }
    }
    out.text(s, run, s.length());
    out.ascii('"');
  }
}
