package dev.doppel.domain.job;

/** A job was asked to move to a state it cannot reach from where it is. */
public class IllegalTransitionException extends IllegalStateException {
  public IllegalTransitionException(String what, Object from, Object to) {
    super(what + " cannot go from " + from + " to " + to);
  }
}
