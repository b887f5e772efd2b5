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

  @Test
  void namesThePartItRefuses() {
    assertThatThrownBy(() -> new AnomalySpec(0.6, Optional.empty(), Optional.empty(), List.of()))
        .isInstanceOfSatisfying(InvalidAnomalySpecException.class, e -> assertThat(e.part()).isEqualTo("ratio"));
    assertThatThrownBy(() -> new AnomalySpec(0.1, Optional.of("9lives"), Optional.empty(), List.of()))
        .isInstanceOfSatisfying(InvalidAnomalySpecException.class, e -> assertThat(e.part()).isEqualTo("labelColumn"));
    assertThatThrownBy(() -> new AnomalySpec(0.1, Optional.empty(), Optional.of("a b"), List.of()))
        .isInstanceOfSatisfying(InvalidAnomalySpecException.class, e -> assertThat(e.part()).isEqualTo("kindColumn"));
    assertThatThrownBy(() -> new AnomalySpec(0.1, Optional.empty(), Optional.empty(), List.of("odd")))
        .isInstanceOfSatisfying(InvalidAnomalySpecException.class, e -> assertThat(e.part()).isEqualTo("kinds"));
  }
}
