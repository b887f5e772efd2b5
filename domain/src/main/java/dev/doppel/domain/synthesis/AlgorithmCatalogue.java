package dev.doppel.domain.synthesis;

import java.util.List;
import java.util.Optional;

/** Every algorithm the installed engine offers. */
public record AlgorithmCatalogue(List<AlgorithmDescriptor> algorithms) {
  public AlgorithmCatalogue {
    algorithms = List.copyOf(algorithms);
  }

  public Optional<AlgorithmDescriptor> find(String name) {
    return algorithms.stream().filter(a -> a.algorithm().name().equals(name)).findFirst();
  }

  public List<String> names() {
    return algorithms.stream().map(a -> a.algorithm().name()).toList();
  }
}
