package dev.doppel.application.port.in;

/** Run once at start-up: settles jobs a previous run left unfinished and queues the waiting ones. */
public interface RecoverJobsUseCase {
  void recover();
}
