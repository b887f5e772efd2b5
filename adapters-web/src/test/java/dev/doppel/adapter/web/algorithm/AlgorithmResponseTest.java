package dev.doppel.adapter.web.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.AlgorithmDescriptor;
import dev.doppel.domain.synthesis.RelationalSupport;
import dev.doppel.domain.synthesis.SettingRule;
import dev.doppel.domain.synthesis.SettingSpec;
import dev.doppel.domain.synthesis.SettingSpec.SettingType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlgorithmResponseTest {
  private final ObjectMapper json = new ObjectMapper();

  private final SettingSpec epochs =
      new SettingSpec("epochs", SettingType.INTEGER, Optional.of(300L), Optional.of(1.0), Optional.of(10_000.0), Optional.empty(), List.of(), "passes");
  private final SettingSpec loss = new SettingSpec("loss", SettingType.STRING, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      List.of("mse", "mae"), "");

  private JsonNode written() {
    AlgorithmDescriptor algorithm =
        new AlgorithmDescriptor(
            new Algorithm("ctgan"), "sdv", Optional.empty(), "BSL-1.1", "a GAN", true, List.of(epochs, loss),
            List.of(new SettingRule(SettingRule.MULTIPLE_OF, "batch_size", "pac", null)), List.of(), List.of("fixed", "rebalance"));
    return json.valueToTree(AlgorithmResponse.from(algorithm));
  }

  @Test
  void writesASettingsBoundsAndChoicesOnlyWhenTheCatalogueGivesThemButAlwaysItsDefault() {
    JsonNode settings = written().get("settings");
    assertThat(settings.get(0).fieldNames()).toIterable()
        .containsExactly("name", "type", "minimum", "maximum", "default", "description");
    assertThat(settings.get(0).get("type").asText()).isEqualTo("integer");
    assertThat(settings.get(0).get("default").asLong()).isEqualTo(300);
    assertThat(settings.get(1).fieldNames()).toIterable().containsExactly("name", "type", "allowed", "default", "description");
    assertThat(settings.get(1).get("default").isNull()).isTrue();
  }

  @Test
  void writesEveryMemberOfAConstraintAndTheLibraryVersionAsNullWhenUnknown() {
    JsonNode algorithm = written();
    assertThat(algorithm.get("constraints").get(0).fieldNames()).toIterable().containsExactly("rule", "setting", "of", "message");
    assertThat(algorithm.get("constraints").get(0).get("message").asText()).isEqualTo("batch_size must be a multiple of pac");
    assertThat(algorithm.has("libraryVersion")).isTrue();
    assertThat(algorithm.get("libraryVersion").isNull()).isTrue();
    assertThat(algorithm.get("differentialPrivacySettings").isArray()).isTrue();
  }

  @Test
  void writesTheKindsOfConditioningTheCatalogueGives() {
    assertThat(written().get("conditioning")).extracting(JsonNode::asText).containsExactly("fixed", "rebalance");
  }

  @Test
  void writesWhatItCanLearnOfRelatedTablesNothingForAFlatAlgorithm() {
    assertThat(written().get("relational").get("linkedTables").asBoolean()).isFalse();
    AlgorithmDescriptor linked =
        new AlgorithmDescriptor(
            new Algorithm("TabularARGN"), "mostlyai-engine", Optional.empty(), "Apache-2.0", "", false, List.of(), List.of(), List.of(), List.of(),
            new RelationalSupport(true, true, false), true);
    JsonNode relational = json.valueToTree(AlgorithmResponse.from(linked)).get("relational");
    assertThat(relational.get("linkedTables").asBoolean()).isTrue();
    assertThat(relational.get("sequences").asBoolean()).isTrue();
    assertThat(relational.get("compositeKeys").asBoolean()).isFalse();
  }

  @Test
  void writesWhetherItLearnsATableOnItsOwn() {
    assertThat(written().get("singleTable").asBoolean()).isTrue();
    AlgorithmDescriptor relationalOnly =
        new AlgorithmDescriptor(
            new Algorithm("HMA"), "sdv", Optional.empty(), "BSL-1.1", "", false, List.of(), List.of(), List.of(), List.of(), new RelationalSupport(true, false, false),
            false);
    assertThat(json.valueToTree(AlgorithmResponse.from(relationalOnly)).get("singleTable").asBoolean()).isFalse();
  }
}
