package dev.doppel.domain.user;

public enum Role {
  USER,
  ADMIN
}
