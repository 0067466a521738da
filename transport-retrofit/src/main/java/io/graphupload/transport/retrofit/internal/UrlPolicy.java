package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Redaction;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Which URLs the transport talks to: https anywhere, plain http only to loopback addresses (for
 * local emulators), and upload URLs exactly as the service gave them.
 */
public final class UrlPolicy {
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern API_VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private UrlPolicy() {}

  /**
   * Returns whether {@code host} is loopback: {@code localhost}, 127.0.0.0/8 or ::1. Only literals
   * count; no name is looked up, so a name that resolves to loopback does not.
   */
  public static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    if (name.equals("localhost")) {
      return true;
    }
    Matcher ipv4 = IPV4.matcher(name);
    if (ipv4.matches()) {
      for (int group = 1; group <= 4; group++) {
        if (Integer.parseInt(ipv4.group(group)) > 255) {
          return false;
        }
      }
      return ipv4.group(1).equals("127");
    }
    if (name.indexOf(':') >= 0) {
      try {
        // A string with a colon is parsed as an IPv6 literal, never looked up.
        return InetAddress.getByName(name).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  /**
   * Returns the Retrofit base URL for {@code endpoint} and {@code apiVersion}, such as {@code
   * https://graph.microsoft.com/v1.0/}.
   *
   * @throws IllegalArgumentException naming the problem when the endpoint is not an http(s) root
   *     that this policy allows, or the version is not a single path segment
   */
  public static HttpUrl graphBase(URI endpoint, String apiVersion) {
    if (!API_VERSION.matcher(apiVersion).matches()) {
      throw new IllegalArgumentException(
          "The Graph API version '" + apiVersion + "' is not a version; use v1.0 or beta");
    }
    String shown = Redaction.url(endpoint.toString());
    if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "The Graph endpoint "
              + shown
              + " must not have a query or fragment; give its root,"
              + " such as https://graph.microsoft.com");
    }
    if (endpoint.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "The Graph endpoint must not carry a user name or password; Graph calls authenticate"
              + " with a bearer token from the access-token source");
    }
    HttpUrl parsed = HttpUrl.parse(endpoint.toString());
    if (parsed == null) {
      throw new IllegalArgumentException(
          "The Graph endpoint "
              + shown
              + " is not an http or https URL; use a root such as"
              + " https://graph.microsoft.com");
    }
    requireSecure(parsed, "The Graph endpoint");
    String root = parsed.toString();
    return HttpUrl.get(root + (root.endsWith("/") ? "" : "/") + apiVersion + "/");
  }

  /**
   * Parses an upload URL, checking that it is allowed.
   *
   * @throws IllegalArgumentException when it is not an http(s) URL, or is plain http to a host that
   *     is not loopback; the message shows the URL without its query values
   */
  public static HttpUrl uploadUrl(String uploadUrl) {
    HttpUrl parsed = HttpUrl.parse(uploadUrl);
    if (parsed == null) {
      int query = uploadUrl.indexOf('?');
      String shown = query < 0 ? uploadUrl : uploadUrl.substring(0, query) + "?REDACTED";
      throw new IllegalArgumentException(
          "The upload URL " + Redaction.url(shown) + " is not an http or https URL");
    }
    requireSecure(parsed, "The upload URL");
    return parsed;
  }

  /**
   * Returns where OkHttp would send a different path or query than {@code original} when asked to
   * send {@code parsed}: the zero-based position of the first difference in the path and query, or
   * -1 when they go out exactly as given.
   */
  public static int firstRewrite(String original, HttpUrl parsed) {
    String given = requestTarget(original);
    String query = parsed.encodedQuery();
    String sent = parsed.encodedPath() + (query != null ? "?" + query : "");
    if (given.equals(sent)) {
      return -1;
    }
    int position = 0;
    while (position < given.length()
        && position < sent.length()
        && given.charAt(position) == sent.charAt(position)) {
      position++;
    }
    return position;
  }

  /** Returns the path and query of an absolute URL as written, without its fragment. */
  static String requestTarget(String url) {
    int authority = url.indexOf("://");
    int start = authority < 0 ? 0 : authority + 3;
    int pathStart = start;
    while (pathStart < url.length() && "/?#".indexOf(url.charAt(pathStart)) < 0) {
      pathStart++;
    }
    int fragment = url.indexOf('#', pathStart);
    String target = url.substring(pathStart, fragment < 0 ? url.length() : fragment);
    return target.startsWith("/") ? target : "/" + target;
  }

  private static void requireSecure(HttpUrl url, String what) {
    if (url.isHttps() || isLoopback(url.host())) {
      return;
    }
    throw new IllegalArgumentException(
        what
            + " "
            + Redaction.url(url.toString())
            + " uses plain http to "
            + url.host()
            + ", which is not a loopback address. Use https: plain http is allowed only to"
            + " 127.0.0.0/8, ::1 and localhost, for local emulators.");
  }
}
