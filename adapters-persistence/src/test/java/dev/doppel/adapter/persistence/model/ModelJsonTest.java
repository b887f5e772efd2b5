package dev.doppel.adapter.persistence.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.adapter.persistence.Fixtures;
import dev.doppel.domain.synthesis.ColumnEncoding;
import dev.doppel.domain.synthesis.LossPoint;
import dev.doppel.domain.synthesis.ModelRule;
import dev.doppel.domain.synthesis.TrainingProgress;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
  @Test
  void roundTripsSettingsKeepingEachValuesJavaType() {
    TrainingSettings settings = Fixtures.richSettings();

    TrainingSettings read = ModelJson.readSettings(ModelJson.writeSettings(settings));

    assertThat(read).isEqualTo(settings);
    assertThat(read.get("discriminator_decay")).containsInstanceOf(Double.class).contains(2.0);
    assertThat(read.get("zero")).containsInstanceOf(Double.class);
    assertThat(read.get("epochs")).containsInstanceOf(Long.class).contains(300L);
    assertThat(read.get("huge")).contains(9_007_199_254_740_993L);
    assertThat(read.get("looks_numeric")).containsInstanceOf(String.class).contains("42");
    assertThat(read.get("verbose")).contains(false);
  }

  @Test
  void readsWholeNumbersAsDoublesWhenADatabaseRewroteTheirSpelling() {
    // MySQL re-renders stored JSON; the type tag, not the spelling, decides.
    TrainingSettings read = ModelJson.readSettings(
        "{\"decay\": {\"value\": 2, \"type\": \"number\"}, \"epochs\": {\"type\": \"integer\", \"value\": 3.0E2}}");

    assertThat(read.get("decay")).containsInstanceOf(Double.class).contains(2.0);
    assertThat(read.get("epochs")).containsInstanceOf(Long.class).contains(300L);
  }

  @Test
  void roundTripsNonFiniteNumbers() {
    TrainingSettings settings = new TrainingSettings(Map.of("nan", Double.NaN, "inf", Double.NEGATIVE_INFINITY));

    assertThat(ModelJson.readSettings(ModelJson.writeSettings(settings))).isEqualTo(settings);
  }

  @Test
  void writesNoSettingsAsAnEmptyObject() {
    assertThat(ModelJson.writeSettings(TrainingSettings.NONE)).isEqualTo("{}");
    assertThat(ModelJson.readSettings("{}")).isEqualTo(TrainingSettings.NONE);
  }

  @Test
  void refusesASettingOfAnUnknownType() {
    assertThatThrownBy(() -> ModelJson.readSettings("{\"x\":{\"type\":\"date\",\"value\":\"2025-01-01\"}}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("x");
  }

  @Test
  void roundTripsProgressWithAndWithoutEpochs() {
    TrainingProgress epochs = new TrainingProgress("fitting", Optional.of(12), Optional.of(300),
        Map.of("generator_loss", -0.75, "discriminator_loss", Double.NaN), 12.5);
    TrainingProgress stageOnly = new TrainingProgress("preprocessing", Optional.empty(), Optional.empty(), Map.of(), 0.0);

    assertThat(ModelJson.readProgress(ModelJson.writeProgress(epochs))).isEqualTo(epochs);
    assertThat(ModelJson.readProgress(ModelJson.writeProgress(stageOnly))).isEqualTo(stageOnly);
    assertThat(ModelJson.writeProgress(null)).isNull();
    assertThat(ModelJson.readProgress(null)).isNull();
  }

  @Test
  void roundTripsLossHistoryAndStoresAnEmptyOneAsNull() {
    List<LossPoint> history = List.of(new LossPoint(1, Map.of("loss", 1.5)), new LossPoint(2, Map.of("loss", 1.0, "g", 2.0)));

    assertThat(ModelJson.readLossHistory(ModelJson.writeLossHistory(history))).isEqualTo(history);
    assertThat(ModelJson.writeLossHistory(List.of())).isNull();
    assertThat(ModelJson.readLossHistory(null)).isEmpty();
  }

  @Test
  void roundTripsSummaryWithWarnings() {
    TrainingSummary summary = new TrainingSummary(93.25, Map.of("final_loss", 0.125), List.of("column \"x\" was constant", "ü"));

    assertThat(ModelJson.readSummary(ModelJson.writeSummary(summary))).isEqualTo(summary);
  }

  @Test
  void roundTripsTheRulesATrainingFoundAndReadsOlderSummariesAsHavingNone() {
    ModelRule rule = new ModelRule("linear:total", "linear", List.of("total", "fare", "tip"), "total = fare + tip + a surcharge", 0.993);
    TrainingSummary summary = new TrainingSummary(1.5, Map.of(), List.of(), Optional.empty(), List.of(rule));

    assertThat(ModelJson.readSummary(ModelJson.writeSummary(summary))).isEqualTo(summary);
    assertThat(ModelJson.readSummary("{\"fitSeconds\":2.0,\"finalMetrics\":{},\"warnings\":[]}").rules()).isEmpty();
  }

  @Test
  void roundTripsTheColumnEncodingsAndReadsOlderSummariesAsHavingNone() {
    ColumnEncoding encoding = new ColumnEncoding("fare", "TABULAR_NUMERIC_DIGIT", "4 digit positions: learned digit by digit");
    TrainingSummary summary = new TrainingSummary(1.5, Map.of(), List.of(), Optional.empty(), List.of(), List.of(encoding));

    assertThat(ModelJson.readSummary(ModelJson.writeSummary(summary))).isEqualTo(summary);
    assertThat(ModelJson.readSummary("{\"fitSeconds\":2.0,\"finalMetrics\":{},\"warnings\":[],\"rules\":[]}").encodings()).isEmpty();
  }
}
