package io.graphupload.emulator.internal;

import java.util.Locale;
import java.util.Set;

/** Keeps upload URL secrets out of logs, reports and error messages. */
final class Redaction {
  private static final Set<String> SECRET_PARAMETERS = Set.of("authtoken", "tempauth");

  private Redaction() {}

  /** The path plus a query string whose secret parameters read "REDACTED". */
  static String pathAndQuery(String rawPath, String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return rawPath;
    }
    StringBuilder out = new StringBuilder(rawPath).append('?');
    String[] pairs = rawQuery.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        out.append('&');
      }
      String pair = pairs[i];
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      boolean secret = SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
      out.append(secret ? name + "=REDACTED" : pair);
    }
    return out.toString();
  }
}
