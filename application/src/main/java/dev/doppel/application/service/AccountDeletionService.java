package dev.doppel.application.service;

import dev.doppel.application.port.in.DeleteAccountCommand;
import dev.doppel.application.port.in.DeleteAccountUseCase;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.PasswordHasher;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.UserStore;
import dev.doppel.domain.project.Project;
import dev.doppel.domain.user.User;

public class AccountDeletionService implements DeleteAccountUseCase {
  private final UserStore users;
  private final ProjectStore projects;
  private final PasswordHasher hasher;
  private final CascadingDeletion deletion;

  public AccountDeletionService(UserStore users, ProjectStore projects, PasswordHasher hasher, CascadingDeletion deletion) {
    this.users = users;
    this.projects = projects;
    this.hasher = hasher;
    this.deletion = deletion;
  }

  @Override
  public void deleteAccount(DeleteAccountCommand command) {
    User user = users.findById(command.owner()).orElseThrow(() -> new NotFoundException("user", command.owner().value(), "id"));
    if (!hasher.matches(command.password(), user.passwordHash())) {
      throw new InvalidInputException("password", "the password is not this account's password; the account was kept");
    }
    // Project by project, so every job is stopped and every file removed before the user row goes.
    for (Project project : projects.listOwnedBy(user.id())) {
      deletion.deleteProject(project.id());
    }
    users.delete(user.id());
  }
}
