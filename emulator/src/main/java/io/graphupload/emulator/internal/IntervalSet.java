package io.graphupload.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Byte offsets seen so far, as merged half-open intervals. Not thread-safe. */
final class IntervalSet {
  private final TreeMap<Long, Long> intervals = new TreeMap<>();

  /** Adds [start, end) and returns how many of those offsets were already present. */
  long add(long start, long end) {
    if (end <= start) {
      return 0;
    }
    long overlap = 0;
    long mergedStart = start;
    long mergedEnd = end;
    Map.Entry<Long, Long> before = intervals.floorEntry(start);
    if (before != null && before.getValue() >= start) {
      mergedStart = before.getKey();
    }
    List<Map.Entry<Long, Long>> touching =
        new ArrayList<>(intervals.subMap(mergedStart, true, end, true).entrySet());
    for (Map.Entry<Long, Long> entry : touching) {
      long from = Math.max(entry.getKey(), start);
      long to = Math.min(entry.getValue(), end);
      overlap += Math.max(0, to - from);
      mergedEnd = Math.max(mergedEnd, entry.getValue());
      intervals.remove(entry.getKey());
    }
    intervals.put(mergedStart, mergedEnd);
    return overlap;
  }
}
