package dev.doppel.domain.synthesis;

/**
 * What an algorithm can learn of related tables, as the engine's catalogue says.
 *
 * @param linkedTables children learned under their parents
 * @param sequences a child's rows under one parent learned in order
 * @param compositeKeys keys of several columns
 */
public record RelationalSupport(boolean linkedTables, boolean sequences, boolean compositeKeys) {
  /** An algorithm that learns one table at a time. */
  public static final RelationalSupport NONE = new RelationalSupport(false, false, false);
}
