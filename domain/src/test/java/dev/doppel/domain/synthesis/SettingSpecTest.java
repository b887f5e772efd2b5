package dev.doppel.domain.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.domain.synthesis.SettingSpec.SettingType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingSpecTest {
  private final SettingSpec freeText =
      new SettingSpec("label", SettingType.STRING, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), "any text");

  @Test
  void acceptsTextUpToTheLimit() {
    String longest = "t".repeat(SettingSpec.MAX_TEXT_LENGTH);
    assertThat(freeText.check(longest)).isEqualTo(longest);
  }

  @Test
  void rejectsLongerTextNamingTheSettingWithoutEchoingIt() {
    assertThatThrownBy(() -> freeText.check("t".repeat(100_000)))
        .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.setting()).isEqualTo("label"))
        .hasMessage("label must be at most " + SettingSpec.MAX_TEXT_LENGTH + " characters (got 100000)");
  }
}
