package dev.doppel.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsernameTest {
  @Test
  void acceptsThreeToFiftySafeCharacters() {
    assertThat(new Username("ada").value()).isEqualTo("ada");
    assertThat(Username.isValid("grace.hopper-1_x")).isTrue();
    assertThat(Username.isValid("a".repeat(50))).isTrue();
  }

  @Test
  void rejectsShortLongAndUnsafeNames() {
    assertThat(Username.isValid("ab")).isFalse();
    assertThat(Username.isValid("a".repeat(51))).isFalse();
    assertThat(Username.isValid("robert'); DROP TABLE users;--")).isFalse();
    assertThat(Username.isValid("../etc")).isFalse();
    assertThat(Username.isValid("ümlaut")).isFalse();
    assertThatThrownBy(() -> new Username("x y")).isInstanceOf(InvalidUsernameException.class).hasMessageContaining("3 to 50");
  }
}
