package dev.doppel.bootstrap;

import dev.doppel.application.port.in.ListAlgorithmsQuery;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health component {@code engine}: DOWN with the reason when the engine is not set up or its
 * catalogue cannot be read, UP with the algorithms it offers otherwise. The reason may name server
 * paths, so it shows only where health details are shown (operators).
 */
public class EngineHealthIndicator implements HealthIndicator {
  private final ListAlgorithmsQuery algorithms;
  private final Supplier<Optional<String>> setupProblem;

  /**
   * @param setupProblem what keeps the engine from running at all (checked on every call, so a
   *     removed installation shows even when the catalogue was read before)
   */
  public EngineHealthIndicator(ListAlgorithmsQuery algorithms, Supplier<Optional<String>> setupProblem) {
    this.algorithms = algorithms;
    this.setupProblem = setupProblem;
  }

  @Override
  public Health health() {
    Optional<String> problem = setupProblem.get();
    if (problem.isPresent()) {
      return Health.down().withDetail("reason", problem.get()).build();
    }
    try {
      return Health.up().withDetail("algorithms", algorithms.catalogue().names()).build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("reason", "the algorithm catalogue could not be read: " + e.getMessage()).build();
    }
  }
}
