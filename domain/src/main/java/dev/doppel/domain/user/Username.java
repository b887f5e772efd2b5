package dev.doppel.domain.user;

import java.util.regex.Pattern;

/** A login name: 3 to 50 letters, digits, dots, dashes or underscores, starting with a letter or digit. */
public record Username(String value) {
  public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{2,49}";
  private static final Pattern SAFE = Pattern.compile(PATTERN);

  public Username {
    if (value == null || !SAFE.matcher(value).matches()) {
      throw new InvalidUsernameException(value);
    }
  }

  public static boolean isValid(String candidate) {
    return candidate != null && SAFE.matcher(candidate).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
