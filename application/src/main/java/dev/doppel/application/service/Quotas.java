package dev.doppel.application.service;

import dev.doppel.application.port.in.PayloadTooLargeException;
import dev.doppel.application.port.in.TooManyJobsException;
import dev.doppel.application.port.out.UserUsage;
import dev.doppel.domain.user.UserId;

/** Checks a user's queued jobs and stored bytes against their quotas before more work is accepted. */
public class Quotas {
  private final UserUsage usage;
  private final QuotaSettings settings;

  public Quotas(UserUsage usage, QuotaSettings settings) {
    this.usage = usage;
    this.settings = settings;
  }

  void requireJobSlot(UserId user) {
    int active = usage.activeJobs(user);
    if (active >= settings.maxActiveJobs()) {
      throw new TooManyJobsException(
          "you have " + active + " trainings and generations queued or running, the most one user may have ("
              + settings.maxActiveJobs() + "); wait for one to finish or cancel one, then ask again");
    }
  }

  /** Bytes the user may still store; refuses with 413 naming {@code field} when nothing is left. */
  long requireStorageLeft(UserId user, String field) {
    long left = settings.maxStoredBytes() - usage.storedBytes(user);
    if (left <= 0) {
      throw storageFull(field);
    }
    return left;
  }

  PayloadTooLargeException storageFull(String field) {
    return new PayloadTooLargeException(
        field, "this would take your stored tables and batches beyond your storage quota of " + DatasetService.humanBytes(settings.maxStoredBytes())
            + "; delete datasets or batches you no longer need");
  }
}
