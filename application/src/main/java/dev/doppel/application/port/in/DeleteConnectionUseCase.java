package dev.doppel.application.port.in;

import dev.doppel.domain.connection.ConnectionId;
import dev.doppel.domain.user.UserId;

/** Removes a connection; the datasets imported through it stay. */
public interface DeleteConnectionUseCase {
  void delete(UserId owner, ConnectionId connection);
}
