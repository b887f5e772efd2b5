package dev.doppel.adapter.web;

/** The domain's text rules as JSON Schema patterns, for the API description. */
public final class SchemaPatterns {
  private static final String PRINTABLE = "[^\\x00-\\x1F\\x7F-\\x9F]";
  // Character.isWhitespace's characters other than controls: what isBlank() and strip() remove.
  private static final String NOT_SPACE = "[^\\x00-\\x1F\\x7F-\\x9F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]";

  /** A display name (project, dataset): not blank, no control characters. */
  public static final String DISPLAY_NAME = "^" + PRINTABLE + "*" + NOT_SPACE + PRINTABLE + "*$";

  private SchemaPatterns() {}
}
