package dev.doppel.application.port.in;

import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.schema.Relationship;
import dev.doppel.domain.schema.RelationshipId;
import dev.doppel.domain.user.UserId;

/** Declares and removes the foreign keys between a project's datasets. */
public interface DeclareRelationshipUseCase {
  /**
   * Stores the relationship once it holds: the columns exist, the parent columns are a key of the
   * parent (unique, never empty), every filled child value names a parent row, and the schema stays
   * free of cycles with one key per table.
   *
   * @throws dev.doppel.domain.schema.InvalidSchemaException naming the table and columns at fault
   */
  Relationship declare(DeclareRelationshipCommand command);

  void delete(UserId owner, ProjectId project, RelationshipId relationship);
}
