package io.graphupload.emulator.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The timestamp formats each service writes: they differ in fractional digits. */
final class Timestamps {
  private static final DateTimeFormatter OUTLOOK =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DRIVE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GRAPH =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Outlook's upload session expiry: seven fractional digits, as in "…30.7671707Z". */
  static String outlook(Instant instant) {
    return OUTLOOK.format(instant);
  }

  /** OneDrive's expiry: milliseconds, as in "2015-01-29T09:21:55.523Z". */
  static String drive(Instant instant) {
    return DRIVE.format(instant);
  }

  /** Item timestamps such as createdDateTime: whole seconds. */
  static String graph(Instant instant) {
    return GRAPH.format(instant);
  }
}
