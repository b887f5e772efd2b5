package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.schema.DatabaseSchema;
import dev.doppel.domain.schema.KeyColumns;
import dev.doppel.domain.user.UserId;
import java.util.List;

/** Reads a project's schema and proposes the relationships its datasets suggest. */
public interface FindSchemaUseCase {
  ProjectSchema schema(UserId owner, ProjectId project);

  /**
   * Foreign keys the tables' contents suggest and the schema lacks: a child's columns named like a
   * parent's key (the same name, or the parent's name before an id column, as {@code customer_id}
   * for {@code customers.id}), every filled value found in that key, and not unique in the child
   * (a one-to-one link is declared by hand). Reads the tables.
   */
  List<ProposedRelationship> propose(UserId owner, ProjectId project);

  /** The datasets, parents before children, and the relationships between them. */
  record ProjectSchema(List<Dataset> tables, DatabaseSchema schema) {
    public ProjectSchema {
      tables = List.copyOf(tables);
    }
  }

  /**
   * @param childRows rows of the child table
   * @param linkedRows child rows whose foreign key names a parent row (the others leave it empty)
   */
  record ProposedRelationship(KeyColumns parent, KeyColumns child, long childRows, long linkedRows) {}
}
