package dev.doppel.application.port.out;

import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.schema.NewRelationship;
import dev.doppel.domain.schema.Relationship;
import dev.doppel.domain.schema.RelationshipId;
import java.util.List;
import java.util.Optional;

/** The relationships of each project; deleting a dataset or a project deletes the relationships it takes part in. */
public interface RelationshipStore {
  Relationship add(NewRelationship relationship);

  /** In the order they were declared. */
  List<Relationship> listByProject(ProjectId project);

  Optional<Relationship> findById(RelationshipId id);

  void delete(RelationshipId id);
}
