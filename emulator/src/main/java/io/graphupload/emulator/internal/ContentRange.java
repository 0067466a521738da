package io.graphupload.emulator.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed {@code Content-Range: bytes start-end/total} header; end is inclusive. */
record ContentRange(long start, long end, long total) {
  private static final Pattern FORMAT =
      Pattern.compile("bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18})", Pattern.CASE_INSENSITIVE);

  /** Parses the header, or returns null when it is not in the required form. */
  static ContentRange parse(String header) {
    if (header == null) {
      return null;
    }
    Matcher matcher = FORMAT.matcher(header.trim());
    if (!matcher.matches()) {
      return null;
    }
    long start = Long.parseLong(matcher.group(1));
    long end = Long.parseLong(matcher.group(2));
    long total = Long.parseLong(matcher.group(3));
    return end < start ? null : new ContentRange(start, end, total);
  }

  long length() {
    return end - start + 1;
  }
}
