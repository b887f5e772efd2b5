package dev.doppel.domain.job;

/**
 * Why a training, generation or evaluation failed, as stored with the job: at most {@link
 * #MAX_LENGTH} characters, so recording a failure can never fail itself and leave the job running
 * forever. Longer reasons are cut; the job runner keeps their full text in a log beside the job's
 * files.
 */
public final class FailureReason {
  /** The width of every job's error_message column. */
  public static final int MAX_LENGTH = 2000;

  static final String CUT_NOTE = " … (shortened; the full message is in the job's log)";

  private FailureReason() {}

  /** The reason as stored: {@code fallback} when blank, cut to {@link #MAX_LENGTH} when longer. */
  public static String of(String reason, String fallback) {
    String text = reason == null || reason.isBlank() ? fallback : reason;
    if (!isTooLong(text)) {
      return text;
    }
    int keep = MAX_LENGTH - CUT_NOTE.length();
    if (Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + CUT_NOTE;
  }

  public static boolean isTooLong(String reason) {
    return reason != null && reason.length() > MAX_LENGTH;
  }
}
