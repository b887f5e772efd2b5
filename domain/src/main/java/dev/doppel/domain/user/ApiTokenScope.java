package dev.doppel.domain.user;

/** What an API token may do: {@code READ} only reads, {@code FULL} does all its user may. */
public enum ApiTokenScope {
  READ,
  FULL
}
