package dev.doppel.adapter.persistence.relational;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.domain.relational.TableRows;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON columns of database batches as rows stored before anomalies could be asked for left them. */
class DatabaseModelJsonTest {
  @Test
  void rowsPerTableStoredBeforeAnomaliesReadAsNoneAndABatchWithoutAnomaliesStoresNull() {
    assertThat(DatabaseModelJson.readRows("[{\"table\":\"People\",\"rows\":3}]")).containsExactly(new TableRows("People", 3, 0));
    assertThat(DatabaseModelJson.readAnomalies(null)).isEmpty();
    assertThat(DatabaseModelJson.writeAnomalies(Map.of())).isNull();
  }
}
