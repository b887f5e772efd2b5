package dev.doppel.domain.dataset.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How uploaded tables are read: null tokens, boolean spellings, id names, datetime layouts, delimiters and
 * the limits the dashboard and the engine share with the platform. They are written once, in
 * {@code ai-engine/doppel_engine/table_rules.json}, which the build copies next to this class.
 *
 * @param datetimeLayouts in the order they are tried
 * @param sniffBytes how much of a file's start the delimiter is guessed from
 * @param categoricalLimit most distinct values a string column may have and still be categorical
 *     when most of its values are distinct
 */
public record TableRules(
    Set<String> nullTokens,
    List<BooleanSpelling> booleanSpellings,
    List<Character> delimiters,
    IdNames idNames,
    List<DatetimeLayout> datetimeLayouts,
    SeedRange seed,
    int sniffBytes,
    int categoricalLimit) {

  public static final String FILE = "table_rules.json";

  /** The rules of {@value #FILE}. */
  public static final TableRules SHARED = read(FILE);

  /** How one boolean column writes true and false (compared ignoring case). */
  public record BooleanSpelling(String whenTrue, String whenFalse) {}

  /** The column names that mark a column of distinct values as an id. */
  public record IdNames(Set<String> exactlyIgnoringCase, List<String> endingIgnoringCase, List<String> ending) {
    public IdNames {
      exactlyIgnoringCase = Set.copyOf(exactlyIgnoringCase);
      endingIgnoringCase = List.copyOf(endingIgnoringCase);
      ending = List.copyOf(ending);
    }

    public boolean fit(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      return exactlyIgnoringCase.contains(lower) || endingIgnoringCase.stream().anyMatch(lower::endsWith) || ending.stream().anyMatch(name::endsWith);
    }
  }

  /**
   * @param java a {@code DateTimeFormatter} pattern where {@code {fraction}} stands for a dot and
   *     1 to 6 digits of a second
   * @param shape what a value must match before it is parsed
   */
  public record DatetimeLayout(String strftime, String java, String shape) {}

  /** The seeds a training or a generation accepts, both ends included. */
  public record SeedRange(long min, long max) {}

  /** The profiler tracks the layouts and spellings a column may still fit in the bits of an int. */
  private static final int MOST_CANDIDATES = Integer.SIZE - 1;

  public TableRules {
    if (datetimeLayouts.size() > MOST_CANDIDATES || booleanSpellings.size() > MOST_CANDIDATES) {
      throw new IllegalArgumentException("at most " + MOST_CANDIDATES + " datetime layouts and " + MOST_CANDIDATES + " boolean spellings");
    }
    nullTokens = Set.copyOf(nullTokens);
    booleanSpellings = List.copyOf(booleanSpellings);
    delimiters = List.copyOf(delimiters);
    datetimeLayouts = List.copyOf(datetimeLayouts);
  }

  /** Every spelling of true, in lower case. */
  public Set<String> trueSpellings() {
    return booleanSpellings.stream().map(BooleanSpelling::whenTrue).collect(Collectors.toUnmodifiableSet());
  }

  /** Every spelling of false, in lower case. */
  public Set<String> falseSpellings() {
    return booleanSpellings.stream().map(BooleanSpelling::whenFalse).collect(Collectors.toUnmodifiableSet());
  }

  /** The length of the longest boolean spelling: longer text is no boolean. */
  public int longestBooleanSpelling() {
    return booleanSpellings.stream().mapToInt(s -> Math.max(s.whenTrue().length(), s.whenFalse().length())).max().orElse(0);
  }

  static TableRules read(String resource) {
    try (InputStream in = TableRules.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath; the build copies it from ai-engine/doppel_engine");
      }
      return of(JsonText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IdNames idNames(Map<String, List<String>> names) {
    return new IdNames(Set.copyOf(names.get("exactlyIgnoringCase")), names.get("endingIgnoringCase"), names.get("ending"));
  }

  @SuppressWarnings("unchecked")
  private static TableRules of(Object json) {
    Map<String, Object> rules = (Map<String, Object>) json;
    Map<String, Object> limits = (Map<String, Object>) rules.get("limits");
    Map<String, Object> seed = (Map<String, Object>) limits.get("seed");
    return new TableRules(
        Set.copyOf((List<String>) rules.get("nullTokens")),
        ((List<List<String>>) rules.get("booleanSpellings")).stream().map(pair -> new BooleanSpelling(pair.get(0), pair.get(1))).toList(),
        ((List<String>) rules.get("delimiters")).stream().map(d -> d.charAt(0)).toList(),
        idNames((Map<String, List<String>>) rules.get("idNames")),
        ((List<Map<String, String>>) rules.get("datetimeLayouts"))
            .stream()
            .map(layout -> new DatetimeLayout(layout.get("strftime"), layout.get("java"), layout.get("shape")))
            .toList(),
        new SeedRange((Long) seed.get("min"), (Long) seed.get("max")),
        Math.toIntExact((Long) limits.get("sniffBytes")),
        Math.toIntExact((Long) limits.get("categoricalLimit")));
  }
}
