package dev.doppel.adapter.persistence.relationship;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.doppel.adapter.persistence.StoredJson;
import dev.doppel.adapter.persistence.TimeColumns;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.schema.KeyColumns;
import dev.doppel.domain.schema.NewRelationship;
import dev.doppel.domain.schema.Relationship;
import dev.doppel.domain.schema.RelationshipId;
import java.util.List;
import org.springframework.stereotype.Component;

/** Between a relationships row and the domain's {@link Relationship}; column lists are JSON arrays. */
@Component
class RelationshipPersistenceMapper {
  private static final TypeReference<List<String>> COLUMN_NAMES = new TypeReference<>() {};

  Relationship toDomain(RelationshipJpaEntity entity) {
    return new Relationship(
        new RelationshipId(entity.getId()),
        new ProjectId(entity.getProjectId()),
        new KeyColumns(new DatasetId(entity.getParentDatasetId()), columns(entity.getParentColumns())),
        new KeyColumns(new DatasetId(entity.getChildDatasetId()), columns(entity.getChildColumns())),
        columns(entity.getOrderBy()),
        TimeColumns.toMicros(entity.getCreatedAt()));
  }

  RelationshipJpaEntity toEntity(NewRelationship relationship) {
    RelationshipJpaEntity entity = new RelationshipJpaEntity();
    entity.setProjectId(relationship.projectId().value());
    entity.setParentDatasetId(relationship.parent().dataset().value());
    entity.setParentColumns(StoredJson.write(relationship.parent().columns(), "parent columns"));
    entity.setChildDatasetId(relationship.child().dataset().value());
    entity.setChildColumns(StoredJson.write(relationship.child().columns(), "child columns"));
    entity.setOrderBy(StoredJson.write(relationship.orderBy(), "order by"));
    entity.setCreatedAt(TimeColumns.toMicros(relationship.createdAt()));
    return entity;
  }

  private static List<String> columns(String json) {
    return StoredJson.read(json, COLUMN_NAMES, "relationship columns");
  }
}
