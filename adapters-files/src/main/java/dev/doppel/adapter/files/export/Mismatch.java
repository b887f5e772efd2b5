package dev.doppel.adapter.files.export;

/**
 * A cell whose text does not fit its column's type, such as {@code abc} in an integer column. The
 * profiler never lets such a cell through, but a table edited or generated after profiling could
 * hold one. Text formats (CSV, JSON) write the raw text; SQL and Parquet, whose columns are typed,
 * refuse the export naming the column and the row.
 */
record Mismatch(String raw) {
  IllegalStateException refusal(ExportColumn column, long row, String format) {
    String shown = raw.length() > 100 ? raw.substring(0, 97) + "..." : raw;
    return new IllegalStateException(
        "cannot export as "
            + format
            + ": column '"
            + column.name()
            + "' is "
            + column.type().wireName()
            + " but row "
            + row
            + " holds '"
            + shown
            + "'");
  }
}
