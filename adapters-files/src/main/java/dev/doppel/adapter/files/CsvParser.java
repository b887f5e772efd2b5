package dev.doppel.adapter.files;

import dev.doppel.application.port.in.PayloadTooLargeException;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming RFC 4180 parser: quoted fields with {@code ""} escapes and embedded line breaks, CRLF
 * or LF record ends, blank lines skipped, a UTF-8 byte order mark ignored.
 *
 * <p>It decodes UTF-8 itself, rather than through an {@code InputStreamReader}, so that it can hand
 * out every character before a malformed byte and then name the exact line that holds it. The hot
 * loops scan a plain {@code char[]} and cut each cell out of it as one {@code String}; only cells
 * that straddle a buffer refill or hold quote escapes go through the reused {@code StringBuilder}.
 *
 * <p>The first record is the header; every later record must have as many fields. The {@link
 * ReadingLimits} are checked as characters arrive, so a record is refused at the first field too
 * many or the first character too long, before it is ever held in memory whole.
 */
final class CsvParser implements AutoCloseable {
  private static final int BUFFER_CHARS = 64 * 1024;
  private static final char QUOTE = '"';

  private final InputStream in;
  private final char delimiter;
  private final ReadingLimits limits;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_CHARS);
  private final char[] buf = new char[BUFFER_CHARS];
  private final CharBuffer chars = CharBuffer.wrap(buf);
  private int pos;
  private int lim;
  private boolean inputEnded;
  private boolean decodingFailed;
  private boolean exhausted;
  private boolean started;

  private final StringBuilder cell = new StringBuilder(256);
  private String[] fields = new String[16];
  private int fieldCount;
  /** The header's names once it has been read, for naming the column at fault. */
  private String[] header;
  /** How many fields a record may have: the column limit for the header, then the header's width. */
  private int fieldLimit;
  /** The longest field allowed in the current record: a column name's limit in the header. */
  private int fieldCharLimit;

  /** Characters of the buffers decoded before the current one. */
  private long charsBefore;
  /** Where the record being read started, counted like {@link #charsBefore}; -1 between records. */
  private long recordStart = -1;

  /** Physical line (1-based) of the next unread character. */
  private long line = 1;
  /** Physical line on which the record last returned by {@link #next()} starts. */
  private long recordLine;

  CsvParser(InputStream in, char delimiter, ReadingLimits limits) {
    this.in = in;
    this.delimiter = delimiter;
    this.limits = limits;
    this.fieldLimit = limits.maxColumns();
    this.fieldCharLimit = Math.min(limits.maxColumnNameChars(), limits.maxFieldChars());
    bytes.flip();
  }

  /** The next record's fields (the header first), or null when the input has no more records. */
  String[] next() {
    if (!started) {
      started = true;
      if (fill() && buf[0] == '\uFEFF') {
        pos = 1;
      }
    }
    if (!skipBlankLines()) {
      return null;
    }
    recordLine = line;
    recordStart = charsBefore + pos;
    fieldCount = 0;
    boolean more = true;
    while (more) {
      more = buf[pos] == QUOTE ? quotedField() : plainField();
    }
    long length = charsBefore + pos - recordStart;
    recordStart = -1;
    if (length > limits.maxRecordChars()) {
      throw recordTooLong();
    }
    String[] record = Arrays.copyOf(fields, fieldCount);
    if (header == null) {
      header = record;
      fieldLimit = record.length;
      fieldCharLimit = limits.maxFieldChars();
    } else if (fieldCount != header.length) {
      throw new InvalidTableException(
          "file", "line " + recordLine + " has " + fieldCount + " " + fields(fieldCount) + " but the header has " + header.length);
    }
    return record;
  }

  private static String fields(int count) {
    return count == 1 ? "field" : "fields";
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Skips empty lines; true when a record starts at {@code pos}. */
  private boolean skipBlankLines() {
    while (true) {
      if (pos >= lim && !fill()) {
        return false;
      }
      char c = buf[pos];
      if (c == '\n') {
        pos++;
        line++;
      } else if (c == '\r') {
        pos++;
        skipLineFeedAfterCarriageReturn();
        line++;
      } else {
        return true;
      }
    }
  }

  /**
   * Reads an unquoted field starting at {@code pos} (which holds a character). A quote inside it is
   * kept literally. Returns true when another field of the same record follows.
   */
  private boolean plainField() {
    int start = pos;
    int i = pos;
    boolean partial = false;
    while (true) {
      final char[] b = buf;
      final int end = lim;
      final char d = delimiter;
      while (i < end) {
        char c = b[i];
        if (c == d || c == '\n' || c == '\r') {
          break;
        }
        i++;
      }
      if (i < end) {
        break;
      }
      // The field runs past the buffer: keep what we have and refill.
      if (!partial) {
        cell.setLength(0);
        partial = true;
      }
      cell.append(b, start, i - start);
      checkLength(cell.length(), false);
      pos = i;
      if (!fill()) {
        addField(cell.toString());
        return false;
      }
      start = 0;
      i = 0;
    }
    if (partial) {
      cell.append(buf, start, i - start);
      checkLength(cell.length(), false);
      addField(cell.toString());
    } else {
      checkLength(i - start, false);
      addField(i == start ? "" : new String(buf, start, i - start));
    }
    pos = i;
    return afterField();
  }

  /** Reads a quoted field whose opening quote is at {@code pos}. */
  private boolean quotedField() {
    long openedOn = line;
    pos++;
    int start = pos;
    boolean buffered = false;
    boolean afterCarriageReturn = false;
    while (true) {
      int i = start;
      final char[] b = buf;
      final int end = lim;
      while (i < end) {
        char c = b[i];
        if (c == QUOTE) {
          break;
        }
        // CR, LF and CRLF each end one physical line, also when a refill splits a CRLF.
        if (c == '\n') {
          if (!afterCarriageReturn) {
            line++;
          }
          afterCarriageReturn = false;
        } else if (c == '\r') {
          line++;
          afterCarriageReturn = true;
        } else if (afterCarriageReturn) {
          afterCarriageReturn = false;
        }
        i++;
      }
      if (i >= end) {
        if (!buffered) {
          cell.setLength(0);
          buffered = true;
        }
        cell.append(b, start, i - start);
        checkLength(cell.length(), true);
        pos = i;
        if (!fill()) {
          throw new InvalidTableException("file", "line " + openedOn + ": a quoted field is never closed");
        }
        start = 0;
        continue;
      }
      afterCarriageReturn = false;
      // A quote at i: either the first of an escaped pair ("") or the closing one.
      int segmentEnd = i;
      pos = i + 1;
      if (pos >= lim) {
        // The refill below overwrites the buffer, so keep the segment first.
        if (!buffered) {
          cell.setLength(0);
          buffered = true;
        }
        cell.append(b, start, segmentEnd - start);
        checkLength(cell.length(), true);
        start = 0;
        segmentEnd = 0;
        if (!fill()) {
          addField(cell.toString());
          return false;
        }
      }
      if (buf[pos] == QUOTE) {
        if (!buffered) {
          cell.setLength(0);
          buffered = true;
        }
        cell.append(buf, start, segmentEnd - start).append(QUOTE);
        checkLength(cell.length(), true);
        pos++;
        start = pos;
        continue;
      }
      finishQuoted(buffered, start, segmentEnd);
      return afterField();
    }
  }

  private void finishQuoted(boolean buffered, int start, int end) {
    if (buffered) {
      cell.append(buf, start, end - start);
      checkLength(cell.length(), true);
      addField(cell.toString());
    } else {
      checkLength(end - start, true);
      addField(end == start ? "" : new String(buf, start, end - start));
    }
  }

  /**
   * After a field: consumes the delimiter (true, another field follows) or the record's end (false).
   * {@code pos} may be at the end of the buffer.
   */
  private boolean afterField() {
    if (pos >= lim && !fill()) {
      return false;
    }
    char c = buf[pos];
    if (c == delimiter) {
      pos++;
      if (pos >= lim && !fill()) {
        addField("");
        return false;
      }
      return true;
    }
    if (c == '\n') {
      pos++;
      line++;
      return false;
    }
    if (c == '\r') {
      pos++;
      skipLineFeedAfterCarriageReturn();
      line++;
      return false;
    }
    throw new InvalidTableException("file", "line " + recordLine + ": unexpected character after a closing quote");
  }

  private void skipLineFeedAfterCarriageReturn() {
    if (pos >= lim && !fill()) {
      return;
    }
    if (buf[pos] == '\n') {
      pos++;
    }
  }

  private void addField(String value) {
    if (fieldCount == fieldLimit) {
      throw tooManyFields();
    }
    if (fieldCount == fields.length) {
      fields = Arrays.copyOf(fields, Math.min(fieldCount * 2, fieldLimit));
    }
    fields[fieldCount++] = value;
  }

  private RuntimeException tooManyFields() {
    if (header == null) {
      return new PayloadTooLargeException(
          "file", "the header (line " + recordLine + ") has more than " + fieldLimit + " columns; the limit is " + fieldLimit);
    }
    return new InvalidTableException("file", "line " + recordLine + " has more than " + fieldLimit + " fields but the header has " + fieldLimit);
  }

  /** Checks the length of the field being read, which becomes field number {@code fieldCount + 1}. */
  private void checkLength(int length, boolean quoted) {
    if (length <= fieldCharLimit) {
      return;
    }
    int column = fieldCount + 1;
    if (header == null) {
      throw new InvalidTableException(
          "file", "column " + column + " of the header (line " + recordLine + "): the name is longer than " + fieldCharLimit + " characters");
    }
    String hint = quoted ? " (is a quote never closed?)" : "";
    throw new PayloadTooLargeException(
        "file",
        "line " + recordLine + ", column " + column + " (" + quotedName(header[fieldCount]) + "): a value is longer than the limit of "
            + fieldCharLimit + " characters" + hint);
  }

  private RuntimeException recordTooLong() {
    return new PayloadTooLargeException("file", "line " + recordLine + ": a record is longer than the limit of " + limits.maxRecordChars() + " characters");
  }

  private static String quotedName(String name) {
    return "'" + name.strip() + "'";
  }

  /**
   * Decodes the next chunk into {@code buf}, discarding what was there; false at the end of input.
   * Characters before a malformed byte are handed out first; the error surfaces on the next call,
   * when {@code line} is the line holding the bad byte.
   */
  private boolean fill() {
    charsBefore += lim;
    if (recordStart >= 0 && charsBefore - recordStart > limits.maxRecordChars()) {
      throw recordTooLong();
    }
    pos = 0;
    lim = 0;
    if (exhausted) {
      return false;
    }
    if (decodingFailed) {
      throw new InvalidTableException("file", "line " + line + " is not valid UTF-8");
    }
    chars.clear();
    try {
      while (true) {
        CoderResult result = decoder.decode(bytes, chars, inputEnded);
        if (result.isError()) {
          decodingFailed = true;
          break;
        }
        if (result.isOverflow()) {
          break;
        }
        if (inputEnded) {
          decoder.flush(chars);
          exhausted = true;
          break;
        }
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          inputEnded = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the stored file", e);
    }
    lim = chars.position();
    if (lim == 0 && decodingFailed) {
      throw new InvalidTableException("file", "line " + line + " is not valid UTF-8");
    }
    return lim > 0;
  }
}
