package dev.doppel.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
  private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");

  private static ApiToken token(Instant expiresAt, Instant lastUsedAt) {
    return new ApiToken(new ApiTokenId(1), new UserId(1), "job", ApiTokenScope.FULL, "dpl_abcd", T0, expiresAt, lastUsedAt);
  }

  @Test
  void expiresAtItsExpiryAndNeverWithoutOne() {
    assertThat(token(T0.plusSeconds(60), null).isExpiredAt(T0.plusSeconds(59))).isFalse();
    assertThat(token(T0.plusSeconds(60), null).isExpiredAt(T0.plusSeconds(60))).isTrue();
    assertThat(token(null, null).isExpiredAt(Instant.MAX)).isFalse();
  }

  @Test
  void recordsTheFirstUseAndThenAtMostOnceAMinute() {
    assertThat(token(null, null).needsUseRecordedAt(T0)).isTrue();
    assertThat(token(null, T0).needsUseRecordedAt(T0.plusSeconds(59))).isFalse();
    assertThat(token(null, T0).needsUseRecordedAt(T0.plus(ApiToken.LAST_USE_PRECISION))).isTrue();
  }
}
