package dev.doppel.adapter.persistence.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.domain.dataset.DatasetProfile;
import org.junit.jupiter.api.Test;

class DatasetProfileJsonTest {
  @Test
  void roundTripsEveryShapeOfProfileExactly() {
    DatasetProfile profile = Fixtures.richProfile();

    String json = DatasetProfileJson.write(profile);

    assertThat(DatasetProfileJson.read(json)).isEqualTo(profile);
  }
}
