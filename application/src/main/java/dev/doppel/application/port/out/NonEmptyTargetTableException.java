package dev.doppel.application.port.out;

/** A write would have put rows into a table that already holds some, and replacing it was not asked for. */
public class NonEmptyTargetTableException extends RuntimeException {
  private final String table;

  public NonEmptyTargetTableException(String schema, String table) {
    super("table " + schema + "." + table + " already holds rows; choose to replace existing tables, or write into another schema");
    this.table = table;
  }

  public String table() {
    return table;
  }
}
