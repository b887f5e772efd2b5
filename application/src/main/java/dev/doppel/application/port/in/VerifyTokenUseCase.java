package dev.doppel.application.port.in;

public interface VerifyTokenUseCase {
  /** Whether the token's user still exists and has not ended the token's session since it was issued. */
  boolean isCurrent(VerifyTokenQuery query);
}
