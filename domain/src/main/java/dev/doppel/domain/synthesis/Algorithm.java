package dev.doppel.domain.synthesis;

import java.util.regex.Pattern;

/** A synthesizer's name as the engine's catalogue knows it (e.g. GaussianCopula); deliberately not an enum. */
public record Algorithm(String name) {
  public static final String NAME_PATTERN = "[A-Za-z][A-Za-z0-9_.-]{0,63}";
  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

  public Algorithm {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("algorithm must be a name of 1-64 letters, digits, '.', '-' or '_'");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
