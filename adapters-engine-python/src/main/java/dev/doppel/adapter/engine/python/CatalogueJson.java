package dev.doppel.adapter.engine.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.AlgorithmDescriptor;
import dev.doppel.domain.synthesis.RelationalSupport;
import dev.doppel.domain.synthesis.SettingRule;
import dev.doppel.domain.synthesis.SettingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the catalogue that describe.py prints. */
final class CatalogueJson {
  private CatalogueJson() {}

  static AlgorithmCatalogue parse(JsonNode root) {
    List<AlgorithmDescriptor> algorithms = new ArrayList<>();
    for (JsonNode a : root.path("algorithms")) {
      List<SettingSpec> settings = settings(a.path("settings"));
      List<SettingRule> rules = new ArrayList<>();
      for (JsonNode c : a.path("constraints")) {
        rules.add(new SettingRule(c.path("rule").asText(), c.path("setting").asText(), c.path("of").asText(), c.path("message").asText(null)));
      }
      algorithms.add(
          new AlgorithmDescriptor(
              new Algorithm(a.path("name").asText()),
              a.path("library").asText(""),
              Optional.ofNullable(a.path("libraryVersion").asText(null)),
              a.path("licence").asText(""),
              a.path("description").asText(""),
              a.path("supportsDifferentialPrivacy").asBoolean(false),
              settings,
              rules,
              settings(a.path("differentialPrivacySettings")),
              texts(a.path("conditioning")),
              relational(a.path("relational")),
              // Absent from catalogues that predate relational-only algorithms, whose every entry learned single tables.
              a.path("singleTable").asBoolean(true)));
    }
    return new AlgorithmCatalogue(algorithms);
  }

  /** Absent from catalogues of engines that predate related tables: none. */
  private static RelationalSupport relational(JsonNode entry) {
    return new RelationalSupport(
        entry.path("linkedTables").asBoolean(false), entry.path("sequences").asBoolean(false), entry.path("compositeKeys").asBoolean(false));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(v -> texts.add(v.asText()));
    return texts;
  }

  private static List<SettingSpec> settings(JsonNode array) {
    List<SettingSpec> settings = new ArrayList<>();
    for (JsonNode s : array) {
      SettingSpec.SettingType type = SettingSpec.SettingType.valueOf(s.path("type").asText("string").toUpperCase(Locale.ROOT));
      List<String> allowed = new ArrayList<>();
      s.path("allowed").forEach(v -> allowed.add(v.asText()));
      settings.add(
          new SettingSpec(
              s.path("name").asText(),
              type,
              value(s.get("default"), type),
              number(s.get("minimum")),
              number(s.get("maximum")),
              s.hasNonNull("multipleOf") ? Optional.of(s.get("multipleOf").asLong()) : Optional.empty(),
              allowed,
              s.path("description").asText("")));
    }
    return settings;
  }

  private static Optional<Double> number(JsonNode node) {
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asDouble());
  }

  private static Optional<Object> value(JsonNode node, SettingSpec.SettingType type) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(
        switch (type) {
          case INTEGER -> node.asLong();
          case NUMBER -> node.asDouble();
          case BOOLEAN -> node.asBoolean();
          case STRING -> node.asText();
        });
  }
}
