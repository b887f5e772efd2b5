package dev.doppel.adapter.engine.python;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.RelationalSupport;
import org.junit.jupiter.api.Test;

class CatalogueJsonTest {
  @Test
  void readsWhatAnAlgorithmLearnsOfRelatedTablesAndWhetherItLearnsATableOnItsOwn() throws Exception {
    AlgorithmCatalogue catalogue = CatalogueJson.parse(new ObjectMapper().readTree("""
        {"algorithms": [
          {"name": "GaussianCopula", "library": "sdv", "licence": "BUSL-1.1", "settings": []},
          {"name": "HMA", "library": "sdv", "licence": "BUSL-1.1", "settings": [], "singleTable": false,
           "relational": {"linkedTables": true, "sequences": false, "compositeKeys": false}}]}
        """));

    assertThat(catalogue.find("GaussianCopula").orElseThrow().singleTable()).as("an engine that predates the flag").isTrue();
    assertThat(catalogue.find("GaussianCopula").orElseThrow().relational()).isEqualTo(RelationalSupport.NONE);
    assertThat(catalogue.find("HMA").orElseThrow().singleTable()).isFalse();
    assertThat(catalogue.find("HMA").orElseThrow().relational()).isEqualTo(new RelationalSupport(true, false, false));
  }
}
