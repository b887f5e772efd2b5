package dev.doppel.application.port.in;

import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.schema.RelationshipId;
import dev.doppel.domain.user.UserId;

/** Removes a relationship from a project's schema; the datasets stay. */
public interface DeleteRelationshipUseCase {
  void delete(UserId owner, ProjectId project, RelationshipId relationship);
}
