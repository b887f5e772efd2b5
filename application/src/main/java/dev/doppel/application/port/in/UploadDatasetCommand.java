package dev.doppel.application.port.in;

import dev.doppel.domain.dataset.DatasetName;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.user.UserId;
import java.io.InputStream;

/**
 * @param name the display name: the one asked for, else the client's file name without any path
 */
public record UploadDatasetCommand(UserId owner, ProjectId project, DatasetName name, InputStream content) {
  public UploadDatasetCommand {
    Require.present("owner", owner);
    Require.present("projectId", project);
    Require.present("name", name);
    Require.present("file", content);
  }

  public static UploadDatasetCommand of(UserId owner, ProjectId project, String requestedName, String fileName, InputStream content) {
    DatasetName name =
        requestedName == null || requestedName.isBlank()
            ? DatasetName.fromFileName(fileName)
            : Require.field("name", () -> new DatasetName(requestedName));
    return new UploadDatasetCommand(owner, project, name, content);
  }
}
