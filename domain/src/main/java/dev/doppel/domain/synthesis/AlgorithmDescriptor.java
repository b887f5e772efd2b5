package dev.doppel.domain.synthesis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an engine says about one of its algorithms: where it comes from and what it accepts.
 *
 * @param conditioning the kinds of conditional generation it can do (the engine's words, such as
 *     {@code fixed} or {@code rebalance}); empty when it can do none
 * @param relational what it can learn of related tables
 * @param singleTable whether it learns a table on its own; false for one that learns only a
 *     project's related tables together
 */
public record AlgorithmDescriptor(
    Algorithm algorithm,
    String library,
    Optional<String> libraryVersion,
    String licence,
    String description,
    boolean supportsDifferentialPrivacy,
    List<SettingSpec> settings,
    List<SettingRule> rules,
    List<SettingSpec> privacySettings,
    List<String> conditioning,
    RelationalSupport relational,
    boolean singleTable) {

  public AlgorithmDescriptor {
    Objects.requireNonNull(relational, "relational");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(libraryVersion, "libraryVersion");
    settings = List.copyOf(settings);
    rules = List.copyOf(rules);
    privacySettings = List.copyOf(privacySettings);
    conditioning = List.copyOf(conditioning);
  }

  /** An algorithm that learns one table at a time. */
  public AlgorithmDescriptor(
      Algorithm algorithm, String library, Optional<String> libraryVersion, String licence, String description, boolean supportsDifferentialPrivacy,
      List<SettingSpec> settings, List<SettingRule> rules, List<SettingSpec> privacySettings, List<String> conditioning) {
    this(algorithm, library, libraryVersion, licence, description, supportsDifferentialPrivacy, settings, rules, privacySettings, conditioning, RelationalSupport.NONE, true);
  }

  /** An algorithm without differential privacy, conditional generation or related tables. */
  public AlgorithmDescriptor(
      Algorithm algorithm, String library, Optional<String> libraryVersion, String licence, String description, List<SettingSpec> settings,
      List<SettingRule> rules) {
    this(algorithm, library, libraryVersion, licence, description, false, settings, rules, List.of(), List.of(), RelationalSupport.NONE, true);
  }

  /** Checks the given settings and fills in the defaults of the rest. */
  public TrainingSettings resolve(Map<String, Object> given) {
    return resolve(settings, rules, given, "");
  }

  /**
   * Checks a request for differentially private training against the algorithm's privacy settings
   * (such as the maximum ε); empty when none was asked for.
   */
  public Optional<TrainingSettings> resolvePrivacy(Optional<Map<String, Object>> requested) {
    if (requested.isEmpty()) {
      return Optional.empty();
    }
    if (!supportsDifferentialPrivacy) {
      throw new InvalidSettingsException("differentialPrivacy", algorithm.name() + " does not support differential privacy");
    }
    return Optional.of(resolve(privacySettings, List.of(), requested.get(), "differentialPrivacy."));
  }

  private TrainingSettings resolve(List<SettingSpec> accepted, List<SettingRule> crossRules, Map<String, Object> given, String prefix) {
    Map<String, SettingSpec> specs = accepted.stream().collect(Collectors.toMap(SettingSpec::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    for (String name : given.keySet()) {
      if (!specs.containsKey(name)) {
        throw new InvalidSettingsException(
            prefix + name, algorithm.name() + " has no " + (prefix.isEmpty() ? "" : "privacy ") + "setting '" + name + "'; it accepts " + String.join(", ", specs.keySet()));
      }
    }
    Map<String, Object> resolved = new HashMap<>();
    for (SettingSpec spec : specs.values()) {
      Object value = given.containsKey(spec.name()) ? given.get(spec.name()) : spec.defaultValue().orElse(null);
      if (value != null) {
        try {
          resolved.put(spec.name(), spec.check(value));
        } catch (InvalidSettingsException e) {
          throw new InvalidSettingsException(prefix + e.setting(), e.getMessage());
        }
      }
    }
    TrainingSettings result = new TrainingSettings(resolved);
    crossRules.forEach(rule -> rule.check(result));
    return result;
  }
}
