package dev.doppel.domain.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of a key, read row by row: whether they are unique and never empty, with examples of
 * what breaks that, and a membership test for foreign keys. Each value is kept as a 64-bit hash,
 * so a table of ten million rows costs about 160 MB rather than its strings (a false match between
 * two of ten million values has a chance of about one in three hundred thousand).
 */
public final class KeyValues {
  /** How many offending values a message quotes. */
  public static final int EXAMPLES = 3;

  private final LongSet hashes = new LongSet();
  private final List<String> duplicateExamples = new ArrayList<>();
  private long rows;
  private long emptyRows;
  private long duplicateRows;

  /** @param tuple the row's key cells, each null where the cell is empty */
  public void add(String[] tuple) {
    rows++;
    if (hasEmpty(tuple)) {
      emptyRows++;
      return;
    }
    if (!hashes.add(hash(tuple))) {
      duplicateRows++;
      if (duplicateExamples.size() < EXAMPLES) {
        duplicateExamples.add(show(tuple));
      }
    }
  }

  public boolean contains(String[] tuple) {
    return hashes.contains(hash(tuple));
  }

  public long rows() {
    return rows;
  }

  public long emptyRows() {
    return emptyRows;
  }

  /** Rows whose value an earlier row has already. */
  public long duplicateRows() {
    return duplicateRows;
  }

  public List<String> duplicateExamples() {
    return List.copyOf(duplicateExamples);
  }

  /** Unique and never empty, over at least one row. */
  public boolean isKey() {
    return rows > 0 && emptyRows == 0 && duplicateRows == 0;
  }

  static boolean hasEmpty(String[] tuple) {
    for (String cell : tuple) {
      if (cell == null) {
        return true;
      }
    }
    return false;
  }

  /** A tuple as messages quote it: the value alone, or the values in parentheses. */
  static String show(String[] tuple) {
    return tuple.length == 1 ? "'" + tuple[0] + "'" : "('" + String.join("', '", tuple) + "')";
  }

  private static long hash(String[] tuple) {
    long h = 0xcbf29ce484222325L;
    for (String cell : tuple) {
      for (int i = 0; i < cell.length(); i++) {
        h = (h ^ cell.charAt(i)) * 0x100000001b3L;
      }
      h = (h ^ 0x1F) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** An open-addressing set of longs; 0 marks a free slot, so the value 0 is remembered aside. */
  private static final class LongSet {
    private long[] slots = new long[1024];
    private int size;
    private boolean hasZero;

    boolean add(long value) {
      if (value == 0) {
        boolean added = !hasZero;
        hasZero = true;
        return added;
      }
      if ((size + 1) * 2 > slots.length) {
        grow();
      }
      int mask = slots.length - 1;
      for (int i = (int) value & mask; ; i = (i + 1) & mask) {
        if (slots[i] == 0) {
          slots[i] = value;
          size++;
          return true;
        }
        if (slots[i] == value) {
          return false;
        }
      }
    }

    boolean contains(long value) {
      if (value == 0) {
        return hasZero;
      }
      int mask = slots.length - 1;
      for (int i = (int) value & mask; ; i = (i + 1) & mask) {
        if (slots[i] == 0) {
          return false;
        }
        if (slots[i] == value) {
          return true;
        }
      }
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      size = 0;
      for (long value : old) {
        if (value != 0) {
          add(value);
        }
      }
    }
  }
}
