package io.graphupload.cli;

import io.graphupload.core.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks a Graph endpoint before anything is sent to it. */
final class Endpoints {
  private static final Pattern VERSION_SEGMENT = Pattern.compile("(?i).*/(v1\\.0|beta|v2\\.0)/?$");
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  private Endpoints() {}

  /**
   * Parses a Graph root such as {@code https://graph.microsoft.com} or {@code
   * http://127.0.0.1:8080}.
   *
   * @throws IllegalArgumentException with a sentence naming the problem and the fix
   */
  static URI parse(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'"
              + Redaction.url(text)
              + "' is not a URL; give a root such as https://graph.microsoft.com");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'"
              + Redaction.url(text)
              + "' is not an http(s) URL; give a root such as https://graph.microsoft.com");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "'"
              + Redaction.url(text)
              + "' must have no user, query or fragment; give the Graph root only");
    }
    if (uri.getPath() != null && VERSION_SEGMENT.matcher(uri.getPath()).matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' ends with an API version; give the root without it, such as "
              + uri.getScheme()
              + "://"
              + uri.getRawAuthority());
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "plain http is allowed only to this machine (localhost, 127.0.0.1 or [::1]), not to "
              + uri.getHost()
              + "; use https");
    }
    return uri;
  }

  static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return name.equals("localhost")
        || IPV4_LOOPBACK.matcher(name).matches()
        || name.equals("[::1]")
        || name.equals("::1");
  }
}
