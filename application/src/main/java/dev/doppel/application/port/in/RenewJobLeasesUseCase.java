package dev.doppel.application.port.in;

/** Periodically, on every node: keeps the leases of the jobs it runs alive, and stops those another node asked it to cancel. */
public interface RenewJobLeasesUseCase {
  void renewLeases();
}
