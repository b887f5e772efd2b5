package dev.doppel.adapter.web.algorithm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.doppel.domain.synthesis.AlgorithmDescriptor;
import dev.doppel.domain.synthesis.RelationalSupport;
import dev.doppel.domain.synthesis.SettingRule;
import dev.doppel.domain.synthesis.SettingSpec;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

/** One algorithm of the engine's catalogue, as the training form needs it. */
public record AlgorithmResponse(
    String name,
    String library,
    String libraryVersion,
    String licence,
    String description,
    boolean supportsDifferentialPrivacy,
    List<Setting> settings,
    List<Constraint> constraints,
    List<Setting> differentialPrivacySettings,
    @ArraySchema(arraySchema = @Schema(description = "kinds of conditional generation it can do: fixed, partial_rows, rebalance, impute"))
        List<String> conditioning,
    @Schema(description = "what it can learn of a project's related tables (POST /api/projects/{projectId}/database-models)") Relational relational,
    @Schema(description = "whether it learns one table on its own (POST /api/models/train); false for one that learns only related tables together")
        boolean singleTable) {

  /**
   * @param linkedTables children learned under their parents
   * @param sequences a child's rows under one parent learned in their orderBy order
   * @param compositeKeys keys of several columns
   */
  public record Relational(boolean linkedTables, boolean sequences, boolean compositeKeys) {
    static Relational from(RelationalSupport support) {
      return new Relational(support.linkedTables(), support.sequences(), support.compositeKeys());
    }
  }

  /**
   * A hyper-parameter. The bounds and choices appear only when the catalogue gives them; the default
   * always does, null when there is none.
   */
  public record Setting(
      String name,
      String type,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double minimum,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double maximum,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long multipleOf,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> allowed,
      @JsonProperty("default") Object defaultValue,
      String description) {
    static Setting from(SettingSpec spec) {
      return new Setting(
          spec.name(), spec.type().name().toLowerCase(Locale.ROOT), spec.minimum().orElse(null), spec.maximum().orElse(null),
          spec.multipleOf().orElse(null), spec.allowed(), spec.defaultValue().orElse(null), spec.description());
    }
  }

  /** A rule across two settings, such as "batch_size must be a multiple of pac"; {@code message} says what to fix. */
  public record Constraint(String rule, String setting, String of, String message) {
    static Constraint from(SettingRule rule) {
      return new Constraint(rule.rule(), rule.setting(), rule.of(), rule.message());
    }
  }

  static AlgorithmResponse from(AlgorithmDescriptor algorithm) {
    return new AlgorithmResponse(
        algorithm.algorithm().name(), algorithm.library(), algorithm.libraryVersion().orElse(null), algorithm.licence(), algorithm.description(),
        algorithm.supportsDifferentialPrivacy(), algorithm.settings().stream().map(Setting::from).toList(),
        algorithm.rules().stream().map(Constraint::from).toList(), algorithm.privacySettings().stream().map(Setting::from).toList(),
        algorithm.conditioning(), Relational.from(algorithm.relational()), algorithm.singleTable());
  }
}
