package dev.doppel.application.port.out;

/** The name of one running app node, as it appears in the leases of the jobs it runs. */
public record NodeId(String value) {
  public static final int MAX_LENGTH = 64;

  public NodeId {
    if (value == null || value.isBlank() || value.length() > MAX_LENGTH || !value.strip().equals(value)) {
      throw new IllegalArgumentException("a node id is 1 to " + MAX_LENGTH + " characters without surrounding spaces");
    }
  }
}
