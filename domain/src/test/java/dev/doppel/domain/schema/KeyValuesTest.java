package dev.doppel.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyValuesTest {
  @Test
  void countsRepeatedAndEmptyValuesWithExamplesOfTheRepeats() {
    KeyValues key = new KeyValues();
    for (String[] tuple : new String[][] {{"1871", "BS1"}, {"1871", "CH1"}, {"1872", "BS1"}, {"1871", "BS1"}, {null, "X"}, {"1871", "CH1"}}) {
      key.add(tuple);
    }

    assertThat(key.rows()).isEqualTo(6);
    assertThat(key.emptyRows()).isEqualTo(1);
    assertThat(key.duplicateRows()).isEqualTo(2);
    assertThat(key.duplicateExamples()).containsExactly("('1871', 'BS1')", "('1871', 'CH1')");
    assertThat(key.isKey()).isFalse();
    assertThat(key.contains(new String[] {"1872", "BS1"})).isTrue();
    assertThat(key.contains(new String[] {"1872", "CH1"})).isFalse();
  }

  @Test
  void tellsTuplesApartWhoseCellsJoinToTheSameText() {
    KeyValues key = new KeyValues();
    key.add(new String[] {"ab", "c"});
    key.add(new String[] {"a", "bc"});

    assertThat(key.isKey()).isTrue();
  }

  @Test
  void remembersAHundredThousandValuesAsItGrows() {
    KeyValues key = new KeyValues();
    for (int i = 0; i < 100_000; i++) {
      key.add(new String[] {"player" + i});
    }

    assertThat(key.isKey()).isTrue();
    assertThat(key.contains(new String[] {"player99999"})).isTrue();
    assertThat(key.contains(new String[] {"player100000"})).isFalse();
  }

  @Test
  void aForeignKeyCountsRowsThatNameNoParentAndAllowsEmptyOnes() {
    KeyValues parent = new KeyValues();
    parent.add(new String[] {"a"});
    parent.add(new String[] {"b"});
    ForeignKeyValues child = new ForeignKeyValues(parent);
    for (String value : new String[] {"a", "a", null, "z", "z", "y", "b"}) {
      child.add(new String[] {value});
    }

    assertThat(child.rows()).isEqualTo(7);
    assertThat(child.orphanRows()).isEqualTo(3);
    assertThat(child.orphanExamples()).containsExactly("'z'", "'y'");
    assertThat(child.linkedRows()).isEqualTo(3);
    assertThat(child.unique()).isFalse();
  }
}
