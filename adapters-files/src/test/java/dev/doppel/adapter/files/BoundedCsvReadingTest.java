package dev.doppel.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.application.port.in.PayloadTooLargeException;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.TableReader.RowConsumer;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reading limits hold while the bytes arrive: each test reads a file that never ends, so it can
 * only pass when the reader refuses the record at the limit instead of materialising it.
 */
class BoundedCsvReadingTest {
  private static final TableLayout COMMA = new TableLayout(FileFormat.CSV, ',');
  private static final ReadingLimits LIMITS = new ReadingLimits(50, 1_000, 20, 20_000, 1L << 20);

  @Test
  void refusesAnEndlessHeaderAtTheFirstColumnBeyondTheLimit() {
    assertThatThrownBy(() -> read(endless("", "a,")))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("the header (line 1) has more than 50 columns; the limit is 50");
  }

  @Test
  void refusesAnEndlessRowAtTheFirstFieldBeyondTheHeader() {
    assertThatThrownBy(() -> read(endless("a,b\n1,2\n", "3,")))
        .isInstanceOf(InvalidTableException.class)
        .hasMessage("line 3 has more than 2 fields but the header has 2");
  }

  @Test
  void refusesAnEndlessValueNamingTheLineAndTheColumn() {
    assertThatThrownBy(() -> read(endless("id,comment\n1,", "x")))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("line 2, column 2 ('comment'): a value is longer than the limit of 1000 characters");
  }

  @Test
  void refusesAnEndlessQuotedValueSuggestingAnUnclosedQuote() {
    assertThatThrownBy(() -> read(endless("id,comment\n1,\"", "x\n")))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("line 2, column 2 ('comment'): a value is longer than the limit of 1000 characters (is a quote never closed?)");
  }

  @Test
  void refusesAnEndlessColumnNameAsInvalid() {
    assertThatThrownBy(() -> read(endless("id,", "n")))
        .isInstanceOf(InvalidTableException.class)
        .hasMessage("column 2 of the header (line 1): the name is longer than 20 characters");
  }

  @Test
  void refusesARecordLongerThanTheLimitThoughEachValueFits() {
    String header = "c0" + ",c".repeat(29) + "\n";
    String row = "v".repeat(900) + ("," + "v".repeat(900)).repeat(29) + "\n";
    assertThatThrownBy(() -> read(endless(header + "1" + ",2".repeat(29) + "\n", row)))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("line 3: a record is longer than the limit of 20000 characters");
  }

  @Test
  void acceptsValuesAndNamesAtTheirLimits() {
    String name = "n".repeat(20);
    String value = "v".repeat(1_000);
    TableFixture.Table table = new TableFixture.Table();
    reader(storeOpening(() -> stream(name + ",b\n" + value + ",\"" + value + "\"\n"))).read("k", COMMA, table);

    assertThat(table.header).containsExactly(name, "b");
    assertThat(table.rows).containsExactly(List.of(value, value));
  }

  private static void read(FileStore endless) {
    reader(endless).read("k", COMMA, new RowConsumer() {
      @Override
      public void header(List<String> columnNames) {}

      @Override
      public boolean row(String[] values) {
        return true;
      }
    });
  }

  private static StreamingTableReader reader(FileStore store) {
    return new StreamingTableReader(store, LIMITS);
  }

  private interface Opener {
    InputStream open();
  }

  /** A store whose every key holds {@code head} followed by {@code unit} repeated without end. */
  private static FileStore endless(String head, String unit) {
    return storeOpening(() -> new EndlessText(head, unit));
  }

  private static InputStream stream(String text) {
    return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A store that answers every key with what {@code opener} opens. */
  private static FileStore storeOpening(Opener opener) {
    return new FileStore() {
      @Override
      public StoredContent write(String key, InputStream content, long maxBytes) {
        throw new UnsupportedOperationException();
      }

      @Override
      public InputStream open(String key) {
        return opener.open();
      }

      @Override
      public StoredContent inspect(String key) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Path locate(String key) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void delete(String keyOrPrefix) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private static final class EndlessText extends InputStream {
    private final byte[] head;
    private final byte[] unit;
    private long position;

    EndlessText(String head, String unit) {
      this.head = head.getBytes(StandardCharsets.UTF_8);
      this.unit = unit.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      long at = position++;
      return at < head.length ? head[(int) at] : unit[(int) ((at - head.length) % unit.length)];
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      for (int i = 0; i < length; i++) {
        target[offset + i] = (byte) read();
      }
      return length;
    }
  }
}
