package dev.doppel.domain.dataset.profile;

import java.util.Set;

/** Text that stands for a missing value in uploaded tables. */
public final class NullTokens {
  public static final Set<String> TOKENS = Set.of("", "NA", "N/A", "null", "NULL", "?", "None");

  private NullTokens() {}

  public static boolean isNull(String value) {
    return value == null || (value.length() <= 4 && TOKENS.contains(value));
  }
}
