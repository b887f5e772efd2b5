package dev.doppel.application.port.in;

public interface DeleteAccountUseCase {
  /**
   * Removes the account and everything it owns: projects, datasets, models, batches, evaluations
   * and their files, after stopping their jobs.
   *
   * @throws InvalidInputException naming {@code password} when the password is wrong
   */
  void deleteAccount(DeleteAccountCommand command);
}
