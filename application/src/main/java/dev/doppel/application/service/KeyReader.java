package dev.doppel.application.service;

import dev.doppel.application.port.out.TableReader;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.profile.NullTokens;
import java.util.List;

/** Reads the cells of some column sets of a stored dataset in one streaming pass. */
final class KeyReader {
  private final TableReader tables;

  KeyReader(TableReader tables) {
    this.tables = tables;
  }

  /** Receives one row's cells of one column set, each null where the cell is empty or a null token. */
  interface TupleSink {
    void accept(String[] tuple);
  }

  /** @param sinks one per column set, in the same order */
  void read(Dataset dataset, List<List<String>> columnSets, List<TupleSink> sinks) {
    if (columnSets.isEmpty()) {
      return;
    }
    int[][] positions = new int[columnSets.size()][];
    tables.read(
        dataset.file().key(),
        TableLayout.of(dataset.file()),
        new TableReader.RowConsumer() {
          @Override
          public void header(List<String> names) {
            for (int set = 0; set < columnSets.size(); set++) {
              positions[set] = columnSets.get(set).stream().mapToInt(names::indexOf).toArray();
            }
          }

          @Override
          public boolean row(String[] values) {
            for (int set = 0; set < positions.length; set++) {
              String[] tuple = new String[positions[set].length];
              for (int i = 0; i < tuple.length; i++) {
                String cell = values[positions[set][i]];
                tuple[i] = cell == null || NullTokens.isNull(cell) ? null : cell;
              }
              sinks.get(set).accept(tuple);
            }
            return true;
          }
        });
  }
}
