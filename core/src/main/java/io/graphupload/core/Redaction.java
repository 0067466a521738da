package io.graphupload.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it reaches a log, an exception message or JSON output.
 *
 * <p>An upload URL is a bearer credential: its query string carries a token. Every place that
 * prints a URL or a message that may contain one goes through here.
 */
public final class Redaction {
  static final String MASK = "REDACTED";

  private static final Pattern QUERY_VALUE =
      Pattern.compile("([?&][^=&#\\s\"'<>]+)=[^&#\\s\"'<>]*");
  private static final Pattern URL_QUERY_VALUE = Pattern.compile("([?&][^=&#]+)=[^&#]*");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile(
          "(?i)((?:authtoken|tempauth|access_token|refresh_token|client_secret"
              + "|client_assertion|device_code|code_verifier|password|token)"
              + "\"?\\s*[=:]\\s*\"?)[^&\\s\"',}]+");

  private Redaction() {}

  /**
   * Returns {@code url} with the value of every query parameter replaced, so that {@code
   * ...?authtoken=eyJ..} becomes {@code ...?authtoken=REDACTED}. Path and host stay readable.
   */
  public static String url(@Nullable String url) {
    if (url == null) {
      return "null";
    }
    int query = url.indexOf('?');
    if (query < 0) {
      return url;
    }
    return url.substring(0, query)
        + URL_QUERY_VALUE.matcher(url.substring(query)).replaceAll("$1=" + MASK);
  }

  /**
   * Returns free text with bearer tokens, URL query values and {@code secret=value} pairs masked.
   * Use it on messages that come from elsewhere, such as a library's exception.
   */
  public static String text(@Nullable String text) {
    if (text == null) {
      return "null";
    }
    String result = BEARER.matcher(text).replaceAll("$1" + MASK);
    result = replaceQueries(result);
    return SECRET_PARAMETER.matcher(result).replaceAll("$1" + MASK);
  }

  private static String replaceQueries(String text) {
    Matcher matcher = QUERY_VALUE.matcher(text);
    return matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "=" + MASK));
  }
}
