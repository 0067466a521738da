package io.graphupload.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Draws one bar per running upload on stderr and redraws them in place with ANSI cursor moves:
 * {@code deck.pptx [#######.......] 45% 18.0/40.0 MiB 5.2 MiB/s 0:04 left}.
 *
 * <p>Not thread-safe: {@link TextOutput} calls it under its lock.
 */
final class ProgressBars {
  private static final String CLEAR_LINE = "\r\033[2K";
  private static final String UP_AND_CLEAR = "\033[1A\033[2K";
  private static final int NAME_WIDTH = 24;
  private static final int MIN_BAR = 10;
  private static final int TAIL_WIDTH = 44;

  private final Streams streams;
  private final int columns;
  private int drawnLines;

  // TODO: the width comes from COLUMNS, which shells rarely export, so bars usually assume 80
  // columns; asking the terminal (stty size, or jline) would fill wide windows and not wrap in
  // narrow ones.
  ProgressBars(Streams streams, int columns) {
    this.streams = streams;
    this.columns = Math.max(columns, 40);
  }

  /** Replaces the bars on screen with one per upload in {@code running}. */
  void draw(Collection<TextOutput.Tracker> running, Instant now) {
    List<String> lines = new ArrayList<>();
    for (TextOutput.Tracker tracker : running) {
      lines.add(line(tracker, now));
    }
    StringBuilder screen = new StringBuilder(eraseSequence());
    screen.append(String.join("\n", lines));
    drawnLines = lines.size();
    streams.errRaw(screen.toString());
  }

  /** Removes the bars, leaving the cursor at the start of the line the first one was on. */
  void erase() {
    if (drawnLines > 0) {
      streams.errRaw(eraseSequence());
      drawnLines = 0;
    }
  }

  private String eraseSequence() {
    if (drawnLines == 0) {
      return "";
    }
    return CLEAR_LINE + UP_AND_CLEAR.repeat(drawnLines - 1);
  }

  String line(TextOutput.Tracker tracker, Instant now) {
    String name = fit(tracker.name, NAME_WIDTH);
    String tail = tail(tracker, now);
    // Sized for the longest tail, so that the bar keeps its width as the numbers change.
    int barWidth = Math.max(MIN_BAR, columns - name.length() - TAIL_WIDTH - 5);
    int filled = (int) ((long) barWidth * tracker.percent() / 100);
    String bar = "#".repeat(filled) + ".".repeat(barWidth - filled);
    String line = name + " [" + bar + "] " + tail;
    return line.length() < columns ? line : line.substring(0, columns - 1);
  }

  private static String tail(TextOutput.Tracker tracker, Instant now) {
    String amounts =
        String.format(
            Locale.ROOT,
            "%3d%%  %s/%s",
            tracker.percent(),
            ByteSize.format(tracker.bytesDone).replace(" ", ""),
            ByteSize.format(tracker.total).replace(" ", ""));
    if (tracker.status != null) {
      return amounts + "  " + tracker.status;
    }
    double rate = tracker.rate(now);
    if (rate <= 0) {
      return amounts;
    }
    long secondsLeft = Math.round((tracker.total - tracker.bytesDone) / rate);
    return amounts
        + "  "
        + ByteSize.format(Math.round(rate)).replace(" ", "")
        + "/s  "
        + String.format(Locale.ROOT, "%d:%02d left", secondsLeft / 60, secondsLeft % 60);
  }

  private static String fit(String name, int width) {
    if (name.length() <= width) {
      return name;
    }
    return name.substring(0, width - 1) + "~";
  }
}
