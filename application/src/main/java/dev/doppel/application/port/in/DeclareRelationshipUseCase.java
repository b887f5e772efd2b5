package dev.doppel.application.port.in;

import dev.doppel.domain.schema.Relationship;

/** Declares a foreign key between two datasets of a project. */
public interface DeclareRelationshipUseCase {
  /**
   * Stores the relationship once it holds: the columns exist, the parent columns are a key of the
   * parent (unique, never empty), every filled child value names a parent row, and the schema stays
   * free of cycles with one key per table.
   *
   * @throws dev.doppel.domain.schema.InvalidSchemaException naming the table and columns at fault
   */
  Relationship declare(DeclareRelationshipCommand command);
}
