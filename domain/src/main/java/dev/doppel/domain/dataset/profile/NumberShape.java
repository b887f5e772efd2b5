package dev.doppel.domain.dataset.profile;

/** Classifies text as an integer, a decimal number or neither, without exceptions or regexes. */
public enum NumberShape {
  NONE,
  INTEGER,
  DECIMAL;

  public static NumberShape of(String s) {
    int n = s.length();
    int i = 0;
    if (n == 0) {
      return NONE;
    }
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i == n) {
      return digits > 0 && digits <= 18 ? INTEGER : (digits > 0 ? DECIMAL : NONE);
    }
    int fraction = 0;
    if (s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        fraction++;
      }
    }
    if (digits + fraction == 0) {
      return NONE;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponent = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        return NONE;
      }
    }
    return i == n ? DECIMAL : NONE;
  }

  static int fractionDigits(String s) {
    int dot = s.indexOf('.');
    if (dot < 0) {
      return 0;
    }
    int end = dot + 1;
    while (end < s.length() && isDigit(s.charAt(end))) {
      end++;
    }
    return end - dot - 1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
