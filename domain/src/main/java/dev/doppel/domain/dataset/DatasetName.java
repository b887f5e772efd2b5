package dev.doppel.domain.dataset;

/** A dataset's display name: 1 to 200 printable characters. Shown to users, never used as a path. */
public record DatasetName(String value) {
  public static final int MAX_LENGTH = 200;

  public DatasetName {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    value = value.strip();
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("name must be at most " + MAX_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("name must not contain control characters");
    }
  }

  /** Derives a display name from a client-supplied file name, dropping any directory part. */
  public static DatasetName fromFileName(String fileName) {
    String base = fileName == null ? "" : fileName.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (base.length() > MAX_LENGTH) {
      base = base.substring(0, MAX_LENGTH);
    }
    return new DatasetName(base.isBlank() ? "dataset" : base);
  }

  @Override
  public String toString() {
    return value;
  }
}
