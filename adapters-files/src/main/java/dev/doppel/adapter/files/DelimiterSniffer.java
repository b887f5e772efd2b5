package dev.doppel.adapter.files;

import dev.doppel.domain.dataset.profile.TableRules;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Guesses a CSV file's delimiter from the start of the file: the candidate that splits the most
 * records into the same number of fields wins. Delimiters inside quoted fields do not count.
 */
final class DelimiterSniffer {
  private static final int MAX_RECORDS = 50;

  private DelimiterSniffer() {}

  /**
   * @param sample the file's first characters, without a byte order mark
   * @param complete whether the sample holds the whole file (else its last record may be cut short)
   */
  static char sniff(String sample, boolean complete) {
    char best = ',';
    int bestAgreeing = 0;
    int bestCount = 0;
    for (char candidate : TableRules.SHARED.delimiters()) {
      int[] counts = countPerRecord(sample, candidate, complete);
      Map<Integer, Integer> records = new HashMap<>();
      for (int count : counts) {
        if (count > 0) {
          records.merge(count, 1, Integer::sum);
        }
      }
      int agreeing = 0;
      int usualCount = 0;
      for (Map.Entry<Integer, Integer> e : records.entrySet()) {
        if (e.getValue() > agreeing || (e.getValue() == agreeing && e.getKey() > usualCount)) {
          agreeing = e.getValue();
          usualCount = e.getKey();
        }
      }
      if (agreeing > bestAgreeing || (agreeing == bestAgreeing && agreeing > 0 && usualCount > bestCount)) {
        best = candidate;
        bestAgreeing = agreeing;
        bestCount = usualCount;
      }
    }
    return best;
  }

  /** How many times the delimiter separates fields in each of the sample's first records. */
  private static int[] countPerRecord(String sample, char delimiter, boolean complete) {
    int[] counts = new int[MAX_RECORDS];
    int records = 0;
    int count = 0;
    boolean inQuotes = false;
    boolean fieldStart = true;
    boolean blank = true;
    int n = sample.length();
    for (int i = 0; i < n && records < MAX_RECORDS; i++) {
      char c = sample.charAt(i);
      if (inQuotes) {
        if (c == '"') {
          if (i + 1 < n && sample.charAt(i + 1) == '"') {
            i++;
          } else {
            inQuotes = false;
          }
        }
        continue;
      }
      if (c == '\n' || c == '\r') {
        if (!blank) {
          counts[records++] = count;
        }
        count = 0;
        fieldStart = true;
        blank = true;
        continue;
      }
      blank = false;
      if (c == delimiter) {
        count++;
        fieldStart = true;
      } else if (c == '"' && fieldStart) {
        inQuotes = true;
        fieldStart = false;
      } else {
        fieldStart = false;
      }
    }
    // A cut-off last record is left out, unless it is all there is (a very long first line).
    if (!blank && !inQuotes && records < MAX_RECORDS && (complete || records == 0)) {
      counts[records++] = count;
    }
    return Arrays.copyOf(counts, records);
  }
}
