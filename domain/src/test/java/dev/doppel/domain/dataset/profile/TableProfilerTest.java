package dev.doppel.domain.dataset.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.DatasetProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableProfilerTest {

  private static DatasetProfile profile(List<String> header, Map<String, ColumnType> forced, String[]... rows) {
    TableProfiler profiler = new TableProfiler(header, ProfilingLimits.DEFAULT, forced);
    for (String[] row : rows) {
      profiler.accept(row);
    }
    return profiler.finish();
  }

  private static DatasetProfile column(String name, String... values) {
    TableProfiler profiler = new TableProfiler(List.of(name), ProfilingLimits.DEFAULT, Map.of());
    for (String v : values) {
      profiler.accept(new String[] {v});
    }
    return profiler.finish();
  }

  private static ColumnType typeOf(String... values) {
    return column("c", values).columns().get(0).type();
  }

  @Test
  void infersEachColumnTypeFromItsValues() {
    assertThat(typeOf("1", "2", "-3", "2")).isEqualTo(ColumnType.INTEGER);
    assertThat(typeOf("1.5", "2", "1e3", "2")).isEqualTo(ColumnType.FLOAT);
    assertThat(typeOf("yes", "no", "YES", "no")).isEqualTo(ColumnType.BOOLEAN);
    assertThat(typeOf("true", "False", "true")).isEqualTo(ColumnType.BOOLEAN);
    assertThat(typeOf("0", "1", "1", "0")).isEqualTo(ColumnType.BOOLEAN);
    assertThat(typeOf("0", "1", "2", "0")).isEqualTo(ColumnType.INTEGER);
    assertThat(typeOf("2019-03-23 20:21:09", "2019-03-04 16:11:55", "2019-03-27 17:53:01")).isEqualTo(ColumnType.DATETIME);
    assertThat(typeOf("red", "green", "red", "blue")).isEqualTo(ColumnType.CATEGORICAL);
  }

  @Test
  void recognisesNullTokensAsMissing() {
    ColumnProfile c = column("x", "1", "NA", "", "N/A", "null", "NULL", "?", "None", "2").columns().get(0);
    assertThat(c.type()).isEqualTo(ColumnType.INTEGER);
    assertThat(c.nullCount()).isEqualTo(7);
    assertThat(c.count()).isEqualTo(9);
    assertThat(c.numeric().orElseThrow().max()).isEqualTo(2);
  }

  @Test
  void namesTheDatetimeFormatAndDisambiguatesDayFirst() {
    ColumnProfile c = column("d", "01/02/2020", "13/02/2020").columns().get(0);
    assertThat(c.type()).isEqualTo(ColumnType.DATETIME);
    assertThat(c.datetimeFormat()).contains("%d/%m/%Y");
    assertThat(column("d", "2020-02-30").columns().get(0).type()).isNotEqualTo(ColumnType.DATETIME);
  }

  @Test
  void readsDatetimesWithAnOffsetAsTheInstantTheyName() {
    ColumnProfile c =
        column("d", "2024-03-01T10:00:00+01:00", "2024-03-01T09:30:00Z", "2024-07-01T10:00:00+0200")
            .columns()
            .get(0);
    assertThat(c.type()).isEqualTo(ColumnType.DATETIME);
    assertThat(c.datetimeFormat()).contains("%Y-%m-%dT%H:%M:%S%z");
    assertThat(c.numeric().orElseThrow().min()).isEqualTo(1_709_283_600d); // 2024-03-01T09:00:00Z
    assertThat(column("d", "2024-03-01T09:30:00Z").columns().get(0).datetimeFormat()).contains("%Y-%m-%dT%H:%M:%SZ");
    assertThat(column("d", "2024-03-01T10:00:00+25:00").columns().get(0).type()).isNotEqualTo(ColumnType.DATETIME);
  }

  @Test
  void treatsUniqueSequentialIntegersAndKeyLikeStringsAsIds() {
    String[] sequence = new String[50];
    String[] codes = new String[50];
    for (int i = 0; i < 50; i++) {
      sequence[i] = String.valueOf(i + 1);
      codes[i] = "AB-" + (1000 + i * 7);
    }
    assertThat(typeOf(sequence)).isEqualTo(ColumnType.ID);
    assertThat(typeOf(codes)).isEqualTo(ColumnType.ID);
    assertThat(column("customer_id", "17", "3", "99").columns().get(0).type()).isEqualTo(ColumnType.ID);
  }

  @Test
  void treatsLongMostlyDistinctStringsAsText() {
    String[] sentences = new String[2000];
    for (int i = 0; i < sentences.length; i++) {
      sentences[i] = "customer wrote note number " + i + " about the delivery";
    }
    assertThat(typeOf(sentences)).isEqualTo(ColumnType.TEXT);
  }

  @Test
  void computesExactMomentsQuantilesAndHistogramForSmallColumns() {
    ColumnProfile c = column("n", "3", "1", "2", "5", "4", "6", "8", "7", "10", "9").columns().get(0);
    var numeric = c.numeric().orElseThrow();
    assertThat(numeric.min()).isEqualTo(1);
    assertThat(numeric.max()).isEqualTo(10);
    assertThat(numeric.mean()).isEqualTo(5.5);
    assertThat(numeric.std()).isCloseTo(3.02765, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(numeric.quantiles()).anySatisfy(q -> {
      assertThat(q.probability()).isEqualTo(0.5);
      assertThat(q.value()).isEqualTo(5);
    });
    assertThat(c.histogram().orElseThrow().counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
    assertThat(c.distinctExact()).isTrue();
    assertThat(c.distinctCount()).isEqualTo(10);
  }

  @Test
  void estimatesDistinctCountBeyondTheExactBound() {
    TableProfiler profiler = new TableProfiler(List.of("v"), ProfilingLimits.DEFAULT, Map.of());
    int distinct = 200_000;
    for (int i = 0; i < distinct; i++) {
      profiler.accept(new String[] {"value-" + (i * 7919L % 1_000_003)});
    }
    ColumnProfile c = profiler.finish().columns().get(0);
    assertThat(c.distinctExact()).isFalse();
    assertThat((double) c.distinctCount()).isCloseTo(distinct, org.assertj.core.data.Percentage.withPercentage(5));
  }

  @Test
  void keepsHeavyHittersInTopValuesPastTheExactBound() {
    TableProfiler profiler = new TableProfiler(List.of("v"), ProfilingLimits.DEFAULT, Map.of());
    for (int i = 0; i < 100_000; i++) {
      profiler.accept(new String[] {i % 4 == 0 ? "frequent" : "rare-" + i});
    }
    ColumnProfile c = profiler.finish().columns().get(0);
    assertThat(c.topValues().get(0).value()).isEqualTo("frequent");
    assertThat(c.topValuesExact()).isFalse();
  }

  @Test
  void honoursAForcedTypeThatFitsTheValues() {
    DatasetProfile p = profile(List.of("zip"), Map.of("zip", ColumnType.CATEGORICAL), new String[] {"12345"}, new String[] {"54321"});
    ColumnProfile zip = p.columns().get(0);
    assertThat(zip.type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(zip.inferredType()).isNotEqualTo(ColumnType.CATEGORICAL);
    assertThat(zip.overridden()).isTrue();
    assertThat(zip.numeric()).isEmpty();
  }

  @Test
  void refusesAForcedTypeNamingTheRowThatBreaksIt() {
    assertThatThrownBy(
            () -> profile(List.of("age"), Map.of("age", ColumnType.INTEGER), new String[] {"41"}, new String[] {"forty"}))
        .isInstanceOf(InvalidTableException.class)
        .hasMessageContaining("row 2")
        .hasMessageContaining("forty")
        .extracting(e -> ((InvalidTableException) e).field())
        .isEqualTo("age");
  }

  @Test
  void rejectsBlankAndDuplicateColumnNames() {
    assertThatThrownBy(() -> new TableProfiler(List.of("a", " "), ProfilingLimits.DEFAULT, Map.of()))
        .hasMessageContaining("column 2")
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> new TableProfiler(List.of("a", "b", "a"), ProfilingLimits.DEFAULT, Map.of()))
        .hasMessageContaining("'a' appears twice")
        .hasMessageContaining("columns 1 and 3");
  }
}
