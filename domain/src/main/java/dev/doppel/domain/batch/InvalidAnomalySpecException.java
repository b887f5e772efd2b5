package dev.doppel.domain.batch;

/** An anomaly spec breaks a rule; {@code part} names the part at fault (ratio, labelColumn, kindColumn or kinds). */
public class InvalidAnomalySpecException extends IllegalArgumentException {
  private final String part;

  public InvalidAnomalySpecException(String part, String message) {
    super(message);
    this.part = part;
  }

  public String part() {
    return part;
  }
}
