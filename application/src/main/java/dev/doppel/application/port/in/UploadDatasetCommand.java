package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.DatasetName;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.io.InputStream;
import java.util.Map;

/**
 * @param name the display name: the one asked for, else the client's file name without any path
 * @param types types the user chose for some columns, by column name; the others are inferred
 */
public record UploadDatasetCommand(UserId owner, ProjectId project, DatasetName name, InputStream content, Map<String, ColumnType> types) {
  public UploadDatasetCommand {
    Require.present("owner", owner);
    Require.present("projectId", project);
    Require.present("name", name);
    Require.present("file", content);
    Require.present("types", types);
    types = Map.copyOf(types);
  }

  public static UploadDatasetCommand of(
      UserId owner, ProjectId project, String requestedName, String fileName, InputStream content, Map<String, ColumnType> types) {
    DatasetName name =
        requestedName == null || requestedName.isBlank()
            ? DatasetName.fromFileName(fileName)
            : Require.field("name", () -> new DatasetName(requestedName));
    return new UploadDatasetCommand(owner, project, name, content, types);
  }
}
