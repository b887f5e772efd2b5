package dev.doppel.application.port.in;

import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.relational.DatabaseModel;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.user.UserId;
import java.util.List;

/** Reads a user's database models; another user's answers {@link NotFoundException}. */
public interface FindDatabaseModelsUseCase {
  /** Answers from memory while the model trains. */
  DatabaseModel get(UserId owner, DatabaseModelId model);

  /** Newest first. */
  List<DatabaseModel> listByProject(UserId owner, ProjectId project);
}
