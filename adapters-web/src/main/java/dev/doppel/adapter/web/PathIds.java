package dev.doppel.adapter.web;

import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.connection.ConnectionId;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.schema.RelationshipId;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.user.ApiTokenId;

/**
 * Ids read from a path or a request field. No stored resource has an id of 0 or below, so such an
 * id is answered as one that does not exist: 404 naming {@code field}, before any use case runs.
 */
public final class PathIds {
  private PathIds() {}

  public static ProjectId project(long id, String field) {
    return new ProjectId(existing(id, "project", field));
  }

  public static DatasetId dataset(long id, String field) {
    return new DatasetId(existing(id, "dataset", field));
  }

  public static ModelId model(long id, String field) {
    return new ModelId(existing(id, "model", field));
  }

  public static BatchId batch(long id, String field) {
    return new BatchId(existing(id, "batch", field));
  }

  public static RelationshipId relationship(long id, String field) {
    return new RelationshipId(existing(id, "relationship", field));
  }

  public static ConnectionId connection(long id, String field) {
    return new ConnectionId(existing(id, "connection", field));
  }

  public static DatabaseModelId databaseModel(long id, String field) {
    return new DatabaseModelId(existing(id, "database model", field));
  }

  public static DatabaseBatchId databaseBatch(long id, String field) {
    return new DatabaseBatchId(existing(id, "database batch", field));
  }

  public static ApiTokenId apiToken(long id, String field) {
    return new ApiTokenId(existing(id, "API token", field));
  }

  private static long existing(long id, String resource, String field) {
    if (id <= 0) {
      throw new NotFoundException(resource, id, field);
    }
    return id;
  }
}
