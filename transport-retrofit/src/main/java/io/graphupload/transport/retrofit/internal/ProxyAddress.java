package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Nullable;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A proxy as written in {@code HTTPS_PROXY} or the {@code proxy} setting: {@code
 * http://user:password@host:port}, {@code host:port}, or {@code socks5://host:port}.
 *
 * <p>{@link #toString()} never shows the password.
 *
 * @param type HTTP or SOCKS
 * @param host the proxy's host
 * @param port its port: as given, else 80 for http and 1080 for SOCKS
 * @param user the user name, percent-decoded, or null
 * @param password the password, percent-decoded, or null
 */
record ProxyAddress(
    Proxy.Type type, String host, int port, @Nullable String user, @Nullable String password) {

  /**
   * Parses {@code value}, naming {@code source} (such as {@code HTTPS_PROXY}) in errors.
   *
   * @throws IllegalArgumentException when it is not a proxy URL this transport can use; the message
   *     never repeats a password
   */
  static ProxyAddress parse(String value, String source) {
    String text = value.trim();
    String written = text.contains("://") ? text : "http://" + text;
    URI uri;
    try {
      uri = new URI(written);
    } catch (URISyntaxException e) {
      throw invalid(source, written, "it is not a URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    Proxy.Type type =
        switch (scheme) {
          case "http" -> Proxy.Type.HTTP;
          case "socks", "socks5", "socks5h" -> Proxy.Type.SOCKS;
          case "https" ->
              throw invalid(
                  source,
                  written,
                  "OkHttp cannot speak TLS to a proxy; use http://host:port (https traffic still"
                      + " goes through it encrypted, in a CONNECT tunnel)");
          default -> throw invalid(source, written, "use http://host:port or socks5://host:port");
        };
    if (uri.getHost() == null) {
      throw invalid(source, written, "it names no host");
    }
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = Percent.decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? "" : Percent.decode(userInfo.substring(colon + 1));
      if (type == Proxy.Type.SOCKS) {
        throw invalid(
            source,
            written,
            "OkHttp cannot authenticate to a SOCKS proxy; use an HTTP proxy for authentication");
      }
    }
    int port = uri.getPort() != -1 ? uri.getPort() : type == Proxy.Type.HTTP ? 80 : 1080;
    return new ProxyAddress(type, uri.getHost(), port, user, password);
  }

  /** Returns the proxy for OkHttp; its address stays unresolved until a connection needs it. */
  Proxy proxy() {
    return new Proxy(type, InetSocketAddress.createUnresolved(host, port));
  }

  boolean hasCredentials() {
    return user != null;
  }

  @Override
  public String toString() {
    return (type == Proxy.Type.HTTP ? "http://" : "socks5://")
        + (user != null ? "REDACTED@" : "")
        + host
        + ":"
        + port;
  }

  private static IllegalArgumentException invalid(String source, String written, String why) {
    String shown = written.replaceAll("//[^/@]*@", "//REDACTED@");
    return new IllegalArgumentException(
        "The proxy in " + source + " (" + shown + ") cannot be used: " + why + ".");
  }
}
