package dev.doppel.domain.dataset.profile;

import java.util.Set;

/** Text that stands for a missing value in uploaded tables ({@link TableRules#nullTokens()}). */
public final class NullTokens {
  public static final Set<String> TOKENS = TableRules.SHARED.nullTokens();
  private static final int LONGEST = TOKENS.stream().mapToInt(String::length).max().orElse(0);

  private NullTokens() {}

  public static boolean isNull(String value) {
    return value == null || (value.length() <= LONGEST && TOKENS.contains(value));
  }
}
