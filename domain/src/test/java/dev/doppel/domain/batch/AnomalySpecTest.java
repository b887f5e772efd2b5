package dev.doppel.domain.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnomalySpecTest {
  @Test
  void acceptsEveryKnownKindOnce() {
    AnomalySpec spec = new AnomalySpec(0.1, Optional.of("is_anomaly"), Optional.empty(), AnomalySpec.KNOWN_KINDS);
    assertThat(spec.kinds()).containsExactlyElementsOf(AnomalySpec.KNOWN_KINDS);
  }

  @Test
  void rejectsAKindNamedMoreThanOnce() {
    List<String> hundred = Collections.nCopies(100, "out_of_range");
    assertThatThrownBy(() -> new AnomalySpec(0.1, Optional.empty(), Optional.empty(), hundred))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kinds must name each anomaly kind at most once");
  }

  @Test
  void rejectsAnUnknownKindWithoutEchoingAllOfIt() {
    assertThatThrownBy(() -> new AnomalySpec(0.1, Optional.empty(), Optional.empty(), List.of("x".repeat(10_000))))
        .hasMessageStartingWith("unknown anomaly kind 'xxx")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }
}
