package dev.doppel.domain.dataset;

import java.util.Arrays;
import java.util.Optional;

/** The character encoding a CSV file arrived in. Stored files are always UTF-8 whatever it was. */
public enum TextEncoding {
  UTF_8("UTF-8"),
  /** Also covers ISO-8859-1 text: the two agree on every printable character Latin-1 has. */
  WINDOWS_1252("windows-1252");

  private final String label;

  TextEncoding(String label) {
    this.label = label;
  }

  /** The IANA name, as HTTP and the API show it. */
  public String label() {
    return label;
  }

  public static Optional<TextEncoding> fromLabel(String label) {
    return Arrays.stream(values()).filter(e -> e.label.equals(label)).findFirst();
  }
}
