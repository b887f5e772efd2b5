package dev.doppel.domain.schema;

import java.util.ArrayList;
import java.util.List;

/** A foreign key's values read row by row against its parent's key: the rows that name no parent row, with examples. */
public final class ForeignKeyValues {
  private final KeyValues parentKey;
  private final KeyValues own = new KeyValues();
  private final List<String> orphanExamples = new ArrayList<>();
  private long orphanRows;

  public ForeignKeyValues(KeyValues parentKey) {
    this.parentKey = parentKey;
  }

  /** @param tuple the row's foreign-key cells, each null where the cell is empty (such a row names no parent, which is allowed) */
  public void add(String[] tuple) {
    own.add(tuple);
    if (!KeyValues.hasEmpty(tuple) && !parentKey.contains(tuple)) {
      orphanRows++;
      String shown = KeyValues.show(tuple);
      if (orphanExamples.size() < KeyValues.EXAMPLES && !orphanExamples.contains(shown)) {
        orphanExamples.add(shown);
      }
    }
  }

  public long rows() {
    return own.rows();
  }

  /** Rows with every cell filled that name no parent row. */
  public long orphanRows() {
    return orphanRows;
  }

  public List<String> orphanExamples() {
    return List.copyOf(orphanExamples);
  }

  /** Whether each row names a different parent: a one-to-one link rather than parent and children. */
  public boolean unique() {
    return own.isKey();
  }

  /** Rows that name a parent. */
  public long linkedRows() {
    return own.rows() - own.emptyRows() - orphanRows;
  }
}
