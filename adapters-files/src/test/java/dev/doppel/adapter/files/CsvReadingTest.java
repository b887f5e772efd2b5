package dev.doppel.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.out.TableReader.RowConsumer;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.TextEncoding;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {
  private static final TableLayout COMMA = new TableLayout(FileFormat.CSV, ',');

  @TempDir Path dir;
  private TableFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new TableFixture(dir);
  }

  // --- detection -------------------------------------------------------------------------------

  @Test
  void detectsCommaDelimiter() {
    assertThat(detect("a,b,c\n1,2,3\n4,5,6\n")).isEqualTo(new TableLayout(FileFormat.CSV, ','));
  }

  @Test
  void detectsSemicolonDelimiter() {
    assertThat(detect("name;city;note\nAnn;Paris;x\nBob;Lyon;y\n").delimiter()).isEqualTo(';');
  }

  @Test
  void detectsSemicolonDelimiterDespiteDecimalCommas() {
    assertThat(detect("price;weight\n1,5;2,25\n3,75;4,5\n").delimiter()).isEqualTo(';');
  }

  @Test
  void detectsTabDelimiter() {
    assertThat(detect("a\tb\n1\t2\n3\t4\n").delimiter()).isEqualTo('\t');
  }

  @Test
  void detectsPipeDelimiter() {
    assertThat(detect("a|b|c\n1|2|3\n").delimiter()).isEqualTo('|');
  }

  @Test
  void ignoresDelimitersInsideQuotesWhenDetecting() {
    assertThat(detect("a;b\n\"x,y,z\";1\n\"p,q,r,s\";2\n\"m\";3\n").delimiter()).isEqualTo(';');
  }

  @Test
  void prefersTheDelimiterWithConsistentCounts() {
    assertThat(detect("a,b,c\n1,2,3 ; 4\n5,6,7\n8,9,10\n").delimiter()).isEqualTo(',');
  }

  @Test
  void treatsAFileWithoutDelimitersAsOneColumn() {
    String key = fixture.put("name\nAnn\nBob\n");

    assertThat(fixture.detect(key).delimiter()).isEqualTo(',');
    TableFixture.Table table = fixture.read(key);
    assertThat(table.header).containsExactly("name");
    assertThat(table.rows).containsExactly(List.of("Ann"), List.of("Bob"));
  }

  @Test
  void rejectsEmptyFile() {
    String key = fixture.put("");

    assertThatThrownBy(() -> fixture.detect(key)).isInstanceOf(InvalidTableException.class).hasMessage("the file is empty");
    assertThatThrownBy(() -> fixture.read(key, COMMA)).isInstanceOf(InvalidTableException.class).hasMessage("the file is empty");
  }

  @Test
  void rejectsFileOfBlankLinesAsEmpty() {
    String key = fixture.put("\uFEFF\n\r\n\n");

    assertThatThrownBy(() -> fixture.read(key, COMMA)).isInstanceOf(InvalidTableException.class).hasMessage("the file is empty");
  }

  @Test
  void rejectsBinaryFileNamedCsv() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    String key = fixture.put(png);

    assertThatThrownBy(() -> fixture.detect(key))
        .isInstanceOf(InvalidTableException.class)
        .hasMessage("the file is not a CSV or Parquet table: it contains binary data")
        .satisfies(e -> assertThat(((InvalidTableException) e).field()).isEqualTo("file"));
  }

  @Test
  void readsWindows1252TextAndStoresItAsUtf8() throws Exception {
    String text = "name;note\nJos\u00e9;\u20ac 5 \u2013 d\u00e9j\u00e0 vu\n\u00c5sa;na\u00efve\n";
    String key = fixture.put(text.getBytes("windows-1252"));

    TableLayout layout = fixture.detect(key);

    assertThat(layout).isEqualTo(new TableLayout(FileFormat.CSV, ';', Optional.of(TextEncoding.WINDOWS_1252)));
    assertThat(Files.readString(fixture.store.locate(key), StandardCharsets.UTF_8)).isEqualTo(text);
    TableFixture.Table table = fixture.read(key, layout);
    assertThat(table.rows).containsExactly(List.of("Jos\u00e9", "\u20ac 5 \u2013 d\u00e9j\u00e0 vu"), List.of("\u00c5sa", "na\u00efve"));
  }

  @Test
  void readsWindows1252WhoseFirstAccentComesLongAfterTheSample() throws Exception {
    StringBuilder text = new StringBuilder("city,n\n");
    while (text.length() < 3 * StreamingTableReader.SAMPLE_BYTES) {
      text.append("Paris,1\n");
    }
    text.append("Besan\u00e7on,2\n");
    String key = fixture.put(text.toString().getBytes(StandardCharsets.ISO_8859_1));

    assertThat(fixture.detect(key).encoding()).contains(TextEncoding.WINDOWS_1252);
    assertThat(fixture.read(key).rows).last().isEqualTo(List.of("Besan\u00e7on", "2"));
  }

  @Test
  void keepsValidUtf8AsUtf8ThoughItsBytesAreAlsoWindows1252() {
    byte[] utf8 = "name\ncaf\u00e9\n".getBytes(StandardCharsets.UTF_8);
    String key = fixture.put(utf8);

    assertThat(fixture.detect(key).encoding()).contains(TextEncoding.UTF_8);
    assertThat(fixture.read(key).rows).containsExactly(List.of("caf\u00e9"));
  }

  @Test
  void refusesTextWithControlBytesOrBytesWindows1252LeavesUndefined() {
    String escape = fixture.put("name\ncaf\u00e9\u001b[0m\n".getBytes(StandardCharsets.ISO_8859_1));
    byte[] undefined = "name\ncaf\u00e9 x\n".getBytes(StandardCharsets.ISO_8859_1);
    undefined[undefined.length - 2] = (byte) 0x81;
    String undefinedKey = fixture.put(undefined);

    for (String key : List.of(escape, undefinedKey)) {
      assertThatThrownBy(() -> fixture.detect(key))
          .isInstanceOf(InvalidTableException.class)
          .hasMessage("the file is not a CSV or Parquet table: it contains binary data (line 2)");
    }
  }

  @Test
  void refusesRandomBytesAsBinary() {
    byte[] random = new byte[100_000];
    new Random(7).nextBytes(random);
    String key = fixture.put(random);

    assertThatThrownBy(() -> fixture.detect(key)).isInstanceOf(InvalidTableException.class).hasMessageContaining("binary data");
  }

  @Test
  void acceptsAMultiByteCharacterCutByTheEndOfTheSample() {
    StringBuilder text = new StringBuilder("a,b\n");
    while (text.toString().getBytes(StandardCharsets.UTF_8).length < StreamingTableReader.SAMPLE_BYTES - 1) {
      text.append("x,y\n");
    }
    // Trim to exactly one byte short of the sample, then add a three-byte character across the edge.
    byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(head, 0, StreamingTableReader.SAMPLE_BYTES - 1 - 2);
    bytes.writeBytes("x,".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("\u20ac\n".getBytes(StandardCharsets.UTF_8));
    String key = fixture.put(bytes.toByteArray());

    assertThat(fixture.detect(key)).isEqualTo(COMMA);
  }

  @Test
  void detectsParquetOnlyFromItsBytesNotItsName() {
    String key = fixture.put("PAR1 but not really");

    assertThatThrownBy(() -> fixture.detect(key)).isInstanceOf(InvalidTableException.class).hasMessage("the Parquet file is truncated");
  }

  // --- parsing -----------------------------------------------------------------------------------

  @Test
  void readsHeaderAndRowsAsRawText() {
    TableFixture.Table table = read("a,b,c\n1, x ,NA\n,,\n");

    assertThat(table.header).containsExactly("a", "b", "c");
    assertThat(table.headerCalls).isEqualTo(1);
    assertThat(table.rows).containsExactly(List.of("1", " x ", "NA"), List.of("", "", ""));
  }

  @Test
  void stripsWhitespaceAroundHeaderNamesOnly() {
    TableFixture.Table table = read(" a , b\t\n 1 , 2 \n");

    assertThat(table.header).containsExactly("a", "b");
    assertThat(table.rows).containsExactly(List.of(" 1 ", " 2 "));
  }

  @Test
  void readsQuotedFieldWithEmbeddedNewline() {
    TableFixture.Table table = read("id,note\n1,\"first line\nsecond line\"\n2,\"crlf\r\ninside\"\n3,\"cr\rinside\"\n");

    assertThat(table.rows)
        .containsExactly(List.of("1", "first line\nsecond line"), List.of("2", "crlf\r\ninside"), List.of("3", "cr\rinside"));
  }

  @Test
  void readsEscapedQuotesAndQuotedDelimiters() {
    TableFixture.Table table = read("a,b\n\"say \"\"hi\"\"\",\"x,y\"\n\"\",\"\"\"\"\n");

    assertThat(table.rows).containsExactly(List.of("say \"hi\"", "x,y"), List.of("", "\""));
  }

  @Test
  void keepsAStrayQuoteInsideAnUnquotedField() {
    TableFixture.Table table = read("size,b\n5\" screen,x\nab\"c\"d,y\n");

    assertThat(table.rows).containsExactly(List.of("5\" screen", "x"), List.of("ab\"c\"d", "y"));
  }

  @Test
  void readsCrlfRecordsAndAFinalRecordWithoutNewline() {
    TableFixture.Table table = read("a,b\r\n1,2\r\n3,4");

    assertThat(table.rows).containsExactly(List.of("1", "2"), List.of("3", "4"));
  }

  @Test
  void aTrailingNewlineMakesNoEmptyRecord() {
    assertThat(read("a,b\n1,2\n").rows).hasSize(1);
    assertThat(read("a,b\r\n1,2\r\n").rows).hasSize(1);
  }

  @Test
  void skipsBlankLinesBetweenRecords() {
    TableFixture.Table table = read("\na,b\n\n1,2\r\n\r\n\n3,4\n\n");

    assertThat(table.rows).containsExactly(List.of("1", "2"), List.of("3", "4"));
  }

  @Test
  void readsEmptyTrailingFields() {
    TableFixture.Table table = read("a,b,c\n1,,\n,,3\n4,5,");

    assertThat(table.rows).containsExactly(List.of("1", "", ""), List.of("", "", "3"), List.of("4", "5", ""));
  }

  @Test
  void stripsUtf8Bom() {
    TableFixture.Table table = read("\uFEFFid,name\n1,Zoë\n");

    assertThat(table.header).containsExactly("id", "name");
    assertThat(table.rows).containsExactly(List.of("1", "Zoë"));
  }

  @Test
  void readsOtherDelimiters() {
    String key = fixture.put("a;b\n\"x;y\";2\n");

    TableFixture.Table table = fixture.read(key);

    assertThat(table.rows).containsExactly(List.of("x;y", "2"));
  }

  @Test
  void readsAHeaderWithoutRows() {
    TableFixture.Table table = read("a,b\n");

    assertThat(table.header).containsExactly("a", "b");
    assertThat(table.rows).isEmpty();
  }

  @Test
  void rejectsRaggedRowNamingTheLine() {
    String csv = "a,b,c,d,e\n" + "1,2,3,4,5\n".repeat(5) + "1,2,3,4\n";

    assertThatThrownBy(() -> read(csv)).isInstanceOf(InvalidTableException.class).hasMessage("line 7 has 4 fields but the header has 5");
  }

  @Test
  void countsPhysicalLinesInsideQuotedFieldsWhenNamingTheLine() {
    String csv = "a,b\n1,\"two\nlines\"\r\n2,\"three\r\nlines\rhere\"\n\n3\n";

    assertThatThrownBy(() -> read(csv)).isInstanceOf(InvalidTableException.class).hasMessage("line 8 has 1 field but the header has 2");
  }

  @Test
  void rejectsUnclosedQuoteNamingTheLine() {
    String csv = "a,b\n" + "1,2\n".repeat(10) + "3,\"never closed\n4,5\n";

    assertThatThrownBy(() -> read(csv)).isInstanceOf(InvalidTableException.class).hasMessage("line 12: a quoted field is never closed");
  }

  @Test
  void rejectsCharactersAfterAClosingQuote() {
    assertThatThrownBy(() -> read("a,b\n1,2\n\"ab\"c,3\n"))
        .isInstanceOf(InvalidTableException.class)
        .hasMessage("line 3: unexpected character after a closing quote");
  }

  @Test
  void rejectsInvalidUtf8NamingTheLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {'3', ',', (byte) 0xff, '\n'});
    String key = fixture.put(bytes.toByteArray());

    assertThatThrownBy(() -> fixture.read(key, COMMA)).isInstanceOf(InvalidTableException.class).hasMessage("line 3 is not valid UTF-8");
  }

  @Test
  void rejectsInvalidUtf8FarIntoTheFileNamingTheLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("a,b\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 100_000; i++) {
      bytes.writeBytes(("row" + i + ",\"caf\u00e9\"\n").getBytes(StandardCharsets.UTF_8));
    }
    bytes.writeBytes(new byte[] {'x', ',', 'c', 'a', 'f', (byte) 0xe9, '\n'});
    String key = fixture.put(bytes.toByteArray());

    // UTF-8 accents up to the bad byte: reading it all as Windows-1252 would garble them.
    assertThatThrownBy(() -> fixture.detect(key)).isInstanceOf(InvalidTableException.class).hasMessage("line 100002 is not valid UTF-8");
    assertThatThrownBy(() -> fixture.read(key, COMMA)).isInstanceOf(InvalidTableException.class).hasMessage("line 100002 is not valid UTF-8");
  }

  @Test
  void rejectsAFileEndingInTheMiddleOfACharacter() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("a\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xe2, (byte) 0x82});
    String key = fixture.put(bytes.toByteArray());

    assertThatThrownBy(() -> fixture.read(key, COMMA)).isInstanceOf(InvalidTableException.class).hasMessage("line 2 is not valid UTF-8");
  }

  @Test
  void stopsReadingWhenTheConsumerSaysSo() {
    String key = fixture.put("a\n" + "1\n".repeat(1000));
    List<String> seen = new ArrayList<>();

    fixture.reader.read(
        key,
        COMMA,
        new RowConsumer() {
          @Override
          public void header(List<String> columnNames) {}

          @Override
          public boolean row(String[] values) {
            seen.add(values[0]);
            return seen.size() < 3;
          }
        });

    assertThat(seen).hasSize(3);
  }

  @Test
  void readsRandomTablesExactlyWhateverTheBufferBoundaries() {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      char delimiter = ",;\t|".charAt(round % 4);
      int columns = 1 + random.nextInt(6);
      List<List<String>> expected = new ArrayList<>();
      StringBuilder csv = new StringBuilder();
      List<String> header = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        header.add("col" + c);
      }
      csv.append(String.join(String.valueOf(delimiter), header)).append(round % 2 == 0 ? "\n" : "\r\n");
      int rows = 200 + random.nextInt(3000);
      for (int r = 0; r < rows; r++) {
        List<String> row = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
          String value = randomValue(random);
          row.add(value);
          if (c > 0) {
            csv.append(delimiter);
          }
          boolean mustQuote = value.isEmpty() && columns == 1
              || value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
          if (mustQuote || random.nextInt(5) == 0) {
            csv.append('"').append(value.replace("\"", "\"\"")).append('"');
          } else {
            csv.append(value);
          }
        }
        csv.append(random.nextBoolean() ? "\n" : "\r\n");
        expected.add(row);
      }
      String key = fixture.put(csv.toString());

      TableFixture.Table table = fixture.read(key, new TableLayout(FileFormat.CSV, delimiter));

      assertThat(table.header).isEqualTo(header);
      assertThat(table.rows).as("round %d", round).isEqualTo(expected);
    }
  }

  private static final int[] ALPHABET = "abcXYZ019 é€😀\"\n\r,;\t|".codePoints().toArray();

  /** Mostly short values, now and then one longer than the parser's 64 Ki-char buffer. */
  private static String randomValue(Random random) {
    int length = random.nextInt(200) == 0 ? 60_000 + random.nextInt(20_000) : random.nextInt(12);
    StringBuilder value = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      value.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return value.toString();
  }

  private TableLayout detect(String csv) {
    return fixture.detect(fixture.put(csv));
  }

  private TableFixture.Table read(String csv) {
    return fixture.read(fixture.put(csv), COMMA);
  }
}
