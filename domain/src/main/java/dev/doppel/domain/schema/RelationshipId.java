package dev.doppel.domain.schema;

public record RelationshipId(long value) {
  public RelationshipId {
    if (value <= 0) {
      throw new IllegalArgumentException("relationship id must be positive");
    }
  }
}
