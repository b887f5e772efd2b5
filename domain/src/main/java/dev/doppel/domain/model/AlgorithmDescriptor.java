package dev.doppel.domain.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an engine says about one of its algorithms: where it comes from and what it accepts. */
public record AlgorithmDescriptor(
    Algorithm algorithm,
    String library,
    Optional<String> libraryVersion,
    String licence,
    String description,
    boolean supportsDifferentialPrivacy,
    List<SettingSpec> settings,
    List<SettingRule> rules) {

  public AlgorithmDescriptor {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(libraryVersion, "libraryVersion");
    settings = List.copyOf(settings);
    rules = List.copyOf(rules);
  }

  /** Checks the given settings and fills in the defaults of the rest. */
  public TrainingSettings resolve(Map<String, Object> given) {
    Map<String, SettingSpec> specs = settings.stream().collect(Collectors.toMap(SettingSpec::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    for (String name : given.keySet()) {
      if (!specs.containsKey(name)) {
        throw new InvalidSettingsException(
            name, algorithm.name() + " has no setting '" + name + "'; it accepts " + String.join(", ", specs.keySet()));
      }
    }
    Map<String, Object> resolved = new HashMap<>();
    for (SettingSpec spec : specs.values()) {
      Object value = given.containsKey(spec.name()) ? given.get(spec.name()) : spec.defaultValue().orElse(null);
      if (value != null) {
        resolved.put(spec.name(), spec.check(value));
      }
    }
    TrainingSettings settings = new TrainingSettings(resolved);
    rules.forEach(rule -> rule.check(settings));
    return settings;
  }
}
