package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key to declare: each row of the child dataset names one row of the parent dataset by
 * the parent's key.
 *
 * @param orderBy child columns ordering the rows under one parent as a sequence; empty for none
 */
public record DeclareRelationshipCommand(
    UserId owner, ProjectId project, DatasetId parent, List<String> parentColumns, DatasetId child, List<String> childColumns,
    List<String> orderBy) {
  public DeclareRelationshipCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(child, "child");
    parentColumns = Require.columnNames("parentColumns", parentColumns, true);
    childColumns = Require.columnNames("childColumns", childColumns, true);
    orderBy = Require.columnNames("orderBy", orderBy, false);
  }
}
