package dev.doppel.adapter.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final LoginThrottle throttle = new LoginThrottle(new SecurityProperties.LoginThrottle(3, 5, Duration.ofHours(1)));

  @Test
  void refusesAUsernameOnceItsFailuresAreSpentSayingHowLongToWait() {
    for (int i = 0; i < 3; i++) {
      throttle.begin("ada", "10.0.0." + i);
    }

    assertThatThrownBy(() -> throttle.begin("ADA", "10.0.0.9"))
        .isInstanceOfSatisfying(TooManyAttemptsException.class, e -> assertThat(e.retryAfterSeconds()).isBetween(3590L, 3600L))
        .hasMessageContaining("too many sign-in attempts");
    throttle.begin("grace", "10.0.0.9");
  }

  @Test
  void refusesAnAddressOnceItsFailuresAcrossUsernamesAreSpent() {
    for (int i = 0; i < 5; i++) {
      throttle.begin("user" + i, "192.0.2.7");
    }

    assertThatThrownBy(() -> throttle.begin("someone-else", "192.0.2.7")).isInstanceOf(TooManyAttemptsException.class);
    assertThatThrownBy(() -> throttle.begin("not a valid username at all", "192.0.2.7")).isInstanceOf(TooManyAttemptsException.class);
    throttle.begin("someone-else", "192.0.2.8");
  }

  @Test
  void countsAnIpv6ClientWithItsWholeSlash64() {
    for (int i = 0; i < 5; i++) {
      throttle.begin("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
    }

    assertThatThrownBy(() -> throttle.begin("another", "2001:db8:1:2:ffff:ffff:ffff:ffff")).isInstanceOf(TooManyAttemptsException.class);
    throttle.begin("another", "2001:db8:1:3::1");
  }

  @Test
  void successfulAttemptsDoNotCount() {
    for (int i = 0; i < 20; i++) {
      throttle.begin("ada", "10.0.0.1").succeeded();
    }

    throttle.begin("ada", "10.0.0.1");
  }

  @Test
  void aRefusedAttemptSpendsNothingFromTheOtherLimit() {
    for (int i = 0; i < 3; i++) {
      throttle.begin("ada", "10.0.0.1");
    }
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> throttle.begin("ada", "10.0.0.1")).isInstanceOf(TooManyAttemptsException.class);
    }

    throttle.begin("grace", "10.0.0.1");
    throttle.begin("grace", "10.0.0.1");
  }
}
