package dev.doppel.adapter.engine.entrypoint;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines an entry point wrote besides its events (its warnings and tracebacks), for the log. */
public final class LineTail {
  private static final int LINES = 40;
  private static final int LINE_CHARS = 500;
  private final Deque<String> lines = new ArrayDeque<>();

  public synchronized void add(String line) {
    lines.addLast(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + "…" : line);
    while (lines.size() > LINES) {
      lines.removeFirst();
    }
  }

  public synchronized String text() {
    return String.join("\n", lines);
  }
}
