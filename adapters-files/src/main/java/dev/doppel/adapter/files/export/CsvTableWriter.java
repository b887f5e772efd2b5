package dev.doppel.adapter.files.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, CRLF record ends, and a field quoted (its quotes doubled) when it
 * holds the delimiter, a quote, CR or LF, or starts or ends with a space. Nulls are empty fields.
 *
 * <p>Every typed cell keeps the text it was read as: numbers round-trip digit for digit, and
 * booleans and datetimes keep the source's spelling and layout ({@code no}/{@code yes} stays
 * {@code no}/{@code yes}, {@code 23/03/2019} stays {@code 23/03/2019}), which the platform
 * recognises again when the file is uploaded. A cell that does not fit its column's type is also
 * written as read.
 *
 * <p>With formula neutralisation on, a text cell (or header) starting with {@code = + - @}, tab or
 * CR gets a leading {@code '} so that spreadsheets show it instead of evaluating it (OWASP's "CSV
 * injection" advice). Cells of numeric columns are left alone: {@code -3} stays a number. The cost
 * is that such text no longer round-trips exactly, which is why the option is off by default.
 */
final class CsvTableWriter implements TableWriter {
  private final Utf8Output out;
  private final char delimiter;
  private final boolean neutraliseFormulas;
  /** Whether numbers and booleans can never contain the delimiter, so need no scan. */
  private final boolean delimiterOutsideValues;
  private ExportColumn[] columns;

  CsvTableWriter(OutputStream out, char delimiter, boolean neutraliseFormulas) {
    this.out = new Utf8Output(out);
    this.delimiter = delimiter;
    this.neutraliseFormulas = neutraliseFormulas;
    this.delimiterOutsideValues = !Character.isLetterOrDigit(delimiter) && "+-.: ".indexOf(delimiter) < 0;
  }

  @Override
  public void begin(List<ExportColumn> columns) throws IOException {
    this.columns = columns.toArray(new ExportColumn[0]);
    for (int i = 0; i < this.columns.length; i++) {
      if (i > 0) {
        delimiter();
      }
      field(this.columns[i].name(), neutraliseFormulas);
    }
    endRecord();
  }

  @Override
  public void row(String[] raw, Object[] typed, long row) throws IOException {
    if (columns.length == 1 && typed[0] == null) {
      // A lone empty field would be a blank line, which readers skip: quote it.
      out.ascii("\"\"");
      endRecord();
      return;
    }
    for (int i = 0; i < columns.length; i++) {
      if (i > 0) {
        delimiter();
      }
      Object value = typed[i];
      if (value == null) {
        continue;
      }
      if (value instanceof String text) {
        field(text, neutraliseFormulas);
      } else if (value instanceof Mismatch mismatch) {
        field(mismatch.raw(), neutraliseFormulas);
      } else if (delimiterOutsideValues && (value instanceof Number || value instanceof Boolean)) {
        out.ascii(raw[i]);
      } else {
        field(raw[i], false);
      }
    }
    endRecord();
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  private void delimiter() throws IOException {
    if (delimiter < 0x80) {
      out.ascii(delimiter);
    } else {
      out.text(String.valueOf(delimiter));
    }
  }

  private void endRecord() throws IOException {
    out.ascii('\r');
    out.ascii('\n');
  }

  private void field(String s, boolean neutralise) throws IOException {
    int n = s.length();
    boolean formula = neutralise && n > 0 && isFormulaStart(s.charAt(0));
    boolean quote = n > 0 && (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ');
    for (int i = 0; i < n && !quote; i++) {
      char c = s.charAt(i);
      quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      if (formula) {
        out.ascii('\'');
      }
      out.text(s, 0, n);
      return;
    }
    out.ascii('"');
    if (formula) {
      out.ascii('\'');
    }
    int run = 0;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) == '"') {
        out.text(s, run, i + 1);
        out.ascii('"');
        run = i + 1;
      }
    }
    out.text(s, run, n);
    out.ascii('"');
  }

  private static boolean isFormulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
