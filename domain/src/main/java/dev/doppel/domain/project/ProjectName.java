package dev.doppel.domain.project;

/** A project's display name: 1 to 120 characters, no control characters, trimmed. */
public record ProjectName(String value) {
  public static final int MAX_LENGTH = 120;

  public ProjectName {
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

  @Override
  public String toString() {
    return value;
  }
}
