package io.graphupload.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes such as {@code 512K} or {@code 4M}, and writes sizes for people. */
final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile("(\\d{1,12})\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /**
   * Parses a size: a number of bytes, or one with a binary suffix ({@code K}, {@code M}, {@code G};
   * {@code KiB} and {@code KB} mean the same here, as in curl and rsync).
   *
   * @throws IllegalArgumentException with a sentence naming the value and the accepted forms
   */
  static long parse(String text) {
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size; write bytes, or a number with K, M or G, such as 512K");
    }
    long number = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2).toLowerCase(Locale.ROOT);
    long factor =
        unit.isEmpty() || unit.equals("b")
            ? 1
            : switch (unit.charAt(0)) {
              case 'k' -> 1024L;
              case 'm' -> 1024L * 1024;
              default -> 1024L * 1024 * 1024;
            };
    if (number == 0) {
      throw new IllegalArgumentException("The size must be more than 0 bytes, got '" + text + "'");
    }
    return Math.multiplyExact(number, factor);
  }

  /** Formats {@code bytes} with a binary unit and one decimal: {@code 40.0 MiB}. */
  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
