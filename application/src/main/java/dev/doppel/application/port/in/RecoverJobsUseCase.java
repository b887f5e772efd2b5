package dev.doppel.application.port.in;

/**
 * Keeps jobs moving when nodes stop: settles the jobs whose node stopped (their lease ran out) and
 * queues the waiting jobs no node has taken.
 */
public interface RecoverJobsUseCase {
  /** Once at start-up; a node that runs alone also settles what its previous run left running. */
  void recover();

  /** Periodically, on every node. */
  void sweep();
}
