package dev.doppel.domain.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureReasonTest {
  @Test
  void keepsAReasonThatFitsTheColumn() {
    String exact = "x".repeat(FailureReason.MAX_LENGTH);
    assertThat(FailureReason.of(exact, "failed")).isEqualTo(exact);
    assertThat(FailureReason.isTooLong(exact)).isFalse();
  }

  @Test
  void cutsALongReasonToTheColumnWidthAndSaysSo() {
    String reason = FailureReason.of("column 'a' " + "y".repeat(10_000), "failed");
    assertThat(reason).hasSize(FailureReason.MAX_LENGTH).startsWith("column 'a' yyy").endsWith("(shortened; the full message is in the job's log)");
  }

  @Test
  void neverSplitsACharacterOutsideTheBasicPlane() {
    int keep = FailureReason.MAX_LENGTH - FailureReason.CUT_NOTE.length();
    String reason = FailureReason.of("x".repeat(keep - 1) + "😀".repeat(3000), "failed");
    assertThat(reason.length()).isLessThanOrEqualTo(FailureReason.MAX_LENGTH);
    assertThat(Character.isHighSurrogate(reason.charAt(reason.length() - FailureReason.CUT_NOTE.length() - 1))).isFalse();
  }

  @Test
  void blankReasonsBecomeTheFallback() {
    assertThat(FailureReason.of("  ", "training failed")).isEqualTo("training failed");
    assertThat(FailureReason.of(null, "training failed")).isEqualTo("training failed");
  }
}
