package dev.doppel.domain.synthesis;

/** A training setting breaks the algorithm's rules; {@code setting} names it. */
public class InvalidSettingsException extends RuntimeException {
  private final String setting;

  public InvalidSettingsException(String setting, String message) {
    super(message);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }
}
