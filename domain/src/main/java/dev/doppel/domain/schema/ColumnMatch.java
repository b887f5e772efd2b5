package dev.doppel.domain.schema;

import dev.doppel.domain.dataset.ColumnProfile;
import dev.doppel.domain.dataset.ColumnType;
import dev.doppel.domain.dataset.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A parent column and a child column named alike: a part of a foreign key the proposal may suggest. */
public record ColumnMatch(String parentColumn, String childColumn) {
  /**
   * The child columns named like a parent column that could be part of a key: the same name once
   * case, spaces and punctuation are set aside ({@code franchID}, {@code franch_id}), or the
   * parent's table name (also in the singular) before it ({@code customer_id} for {@code id} in
   * {@code customers}). Parent columns of the given types and columns with empty cells are left out.
   */
  public static List<ColumnMatch> between(Dataset parent, Dataset child, List<ColumnType> noKeyTypes) {
    String table = normalised(tableName(parent.name().value()));
    String singular = singular(table);
    List<ColumnMatch> matches = new ArrayList<>();
    for (ColumnProfile parentColumn : parent.profile().columns()) {
      if (noKeyTypes.contains(parentColumn.type()) || parentColumn.nullCount() > 0) {
        continue;
      }
      String name = normalised(parentColumn.name());
      for (ColumnProfile childColumn : child.profile().columns()) {
        String childName = normalised(childColumn.name());
        boolean alike = childName.equals(name) || childName.equals(table + name) || childName.equals(singular + name);
        if (alike && !noKeyTypes.contains(childColumn.type())) {
          matches.add(new ColumnMatch(parentColumn.name(), childColumn.name()));
        }
      }
    }
    return matches;
  }

  /** Every non-empty combination of at most {@code size} matches using each column once, the smaller ones first. */
  public static List<List<ColumnMatch>> combinations(List<ColumnMatch> matches, int size) {
    List<List<ColumnMatch>> all = new ArrayList<>();
    for (int length = 1; length <= Math.min(size, matches.size()); length++) {
      addCombinations(matches, length, 0, new ArrayList<>(), all);
    }
    return all;
  }

  public static List<String> parentColumns(List<ColumnMatch> matches) {
    return matches.stream().map(ColumnMatch::parentColumn).toList();
  }

  public static List<String> childColumns(List<ColumnMatch> matches) {
    return matches.stream().map(ColumnMatch::childColumn).toList();
  }

  private static void addCombinations(List<ColumnMatch> matches, int length, int from, List<ColumnMatch> chosen, List<List<ColumnMatch>> all) {
    if (chosen.size() == length) {
      all.add(List.copyOf(chosen));
      return;
    }
    for (int i = from; i < matches.size(); i++) {
      ColumnMatch next = matches.get(i);
      if (chosen.stream().anyMatch(c -> c.parentColumn().equals(next.parentColumn()) || c.childColumn().equals(next.childColumn()))) {
        continue;
      }
      chosen.add(next);
      addCombinations(matches, length, i + 1, chosen, all);
      chosen.remove(chosen.size() - 1);
    }
  }

  /** A dataset's name without a file extension, as uploads name it ({@code People.csv}). */
  private static String tableName(String datasetName) {
    int dot = datasetName.lastIndexOf('.');
    return dot > 0 ? datasetName.substring(0, dot) : datasetName;
  }

  private static String normalised(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private static String singular(String name) {
    if (name.endsWith("ies")) {
      return name.substring(0, name.length() - 3) + "y";
    }
    return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }
}
