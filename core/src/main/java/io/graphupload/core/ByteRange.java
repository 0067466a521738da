package io.graphupload.core;

/**
 * A range of bytes the server still expects, as listed in {@code nextExpectedRanges}.
 *
 * @param start the first byte, zero-based
 * @param end the last byte, inclusive, or -1 when the range runs to the end of the file
 */
public record ByteRange(long start, long end) {

  public ByteRange {
    if (start < 0 || (end != -1 && end < start)) {
      throw new IllegalArgumentException("Not a byte range: start " + start + ", end " + end);
    }
  }

  /**
   * Parses an entry of {@code nextExpectedRanges} in any form the service has used: {@code "123-"},
   * {@code "123"} or {@code "123-456"}.
   *
   * @throws IllegalArgumentException naming the entry when it is none of those
   */
  public static ByteRange parse(String entry) {
    String text = entry.trim();
    int dash = text.indexOf('-');
    try {
      if (dash < 0) {
        return new ByteRange(Long.parseLong(text), -1);
      }
      long start = Long.parseLong(text.substring(0, dash).trim());
      String rest = text.substring(dash + 1).trim();
      return new ByteRange(start, rest.isEmpty() ? -1 : Long.parseLong(rest));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Not a next expected range: '" + entry + "'; expected \"123-\", \"123\" or \"123-456\"",
          e);
    }
  }

  public boolean isOpen() {
    return end == -1;
  }

  @Override
  public String toString() {
    return start + "-" + (isOpen() ? "" : Long.toString(end));
  }
}
