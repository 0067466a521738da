package io.graphupload.transport.retrofit.internal;

import io.graphupload.core.Nullable;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Which proxy requests go through, and the credentials it gets.
 *
 * <p>In order: an explicit setting ({@code none}, {@code system}, or a proxy URL); else the
 * environment's {@code https_proxy}, {@code HTTPS_PROXY}, {@code all_proxy} or {@code ALL_PROXY},
 * with {@code no_proxy} / {@code NO_PROXY}; else the JVM's proxy selector, which follows {@code
 * -Dhttps.proxyHost} and friends, with the JVM's {@link java.net.Authenticator} for proxy
 * credentials. Loopback hosts always go direct. Credentials in a proxy URL are sent only to that
 * proxy, when it asks (or, for https tunnels, with the CONNECT request).
 *
 * @param selector picks the proxy per request
 * @param authenticator answers the proxy's 407; never a server's 401
 * @param description what was chosen and why, for a debug log; holds no password
 */
public record ProxyConfiguration(
    ProxySelector selector, Authenticator authenticator, String description) {
  /** The setting value that turns proxies off. */
  public static final String NONE = "none";

  /** The setting value that uses the JVM's proxy settings and nothing else. */
  public static final String SYSTEM = "system";

  private static final List<String> PROXY_VARIABLES =
      List.of("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY");
  private static final List<String> NO_PROXY_VARIABLES = List.of("no_proxy", "NO_PROXY");

  /**
   * Chooses the proxy.
   *
   * @param explicitProxy {@code none}, {@code system}, a proxy URL, or null to look further
   * @param explicitNoProxy hosts that bypass the proxy, or null to read {@code NO_PROXY}
   * @param environment the environment variables, injectable for tests
   * @param jvmSelector the JVM's proxy selector, usually {@link ProxySelector#getDefault()}
   * @throws IllegalArgumentException naming the setting or variable when a proxy URL is unusable
   */
  public static ProxyConfiguration resolve(
      @Nullable String explicitProxy,
      @Nullable String explicitNoProxy,
      Map<String, String> environment,
      @Nullable ProxySelector jvmSelector) {
    String noProxyText =
        explicitNoProxy != null ? explicitNoProxy : firstSet(environment, NO_PROXY_VARIABLES);
    NoProxyList noProxy = NoProxyList.parse(noProxyText);
    ProxySelector jvm = jvmSelector != null ? jvmSelector : fixed(Proxy.NO_PROXY, noProxy);

    if (explicitProxy != null && !explicitProxy.isBlank()) {
      String value = explicitProxy.trim();
      if (value.equalsIgnoreCase(NONE)) {
        return new ProxyConfiguration(fixed(Proxy.NO_PROXY, noProxy), Authenticator.NONE, "none");
      }
      if (value.equalsIgnoreCase(SYSTEM)) {
        return jvm(jvm, noProxy, "the JVM's proxy settings, as the proxy setting asks");
      }
      return of(ProxyAddress.parse(value, "the proxy setting"), noProxy, "the proxy setting");
    }
    for (String variable : PROXY_VARIABLES) {
      String value = environment.get(variable);
      if (value != null && !value.isBlank()) {
        return of(ProxyAddress.parse(value, variable), noProxy, variable);
      }
    }
    return jvm(jvm, noProxy, "the JVM's proxy settings");
  }

  private static ProxyConfiguration of(ProxyAddress address, NoProxyList noProxy, String source) {
    Proxy proxy = address.proxy();
    Authenticator credentials =
        address.hasCredentials()
            ? new ProxyCredentials(proxy, address.user(), address.password())
            : Authenticator.NONE;
    String description =
        address + " from " + source + (noProxy.isEmpty() ? "" : ", bypassed as NO_PROXY lists");
    return new ProxyConfiguration(fixed(proxy, noProxy), credentials, description);
  }

  private static ProxyConfiguration jvm(ProxySelector jvm, NoProxyList noProxy, String why) {
    return new ProxyConfiguration(
        new BypassingSelector(noProxy, jvm), Authenticator.JAVA_NET_AUTHENTICATOR, why);
  }

  private static ProxySelector fixed(Proxy proxy, NoProxyList noProxy) {
    return new BypassingSelector(noProxy, new FixedSelector(proxy));
  }

  private static @Nullable String firstSet(Map<String, String> environment, List<String> names) {
    for (String name : names) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** Sends loopback hosts and those on the no-proxy list direct; asks {@code next} for others. */
  private static final class BypassingSelector extends ProxySelector {
    private final NoProxyList noProxy;
    private final ProxySelector next;

    BypassingSelector(NoProxyList noProxy, ProxySelector next) {
      this.noProxy = noProxy;
      this.next = next;
    }

    @Override
    public List<Proxy> select(URI uri) {
      String host = uri.getHost() != null ? uri.getHost() : "";
      int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
      if (UrlPolicy.isLoopback(host) || noProxy.matches(host, port)) {
        return List.of(Proxy.NO_PROXY);
      }
      return next.select(uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
      next.connectFailed(uri, address, failure);
    }

    private static int defaultPort(@Nullable String scheme) {
      return "http".equalsIgnoreCase(scheme) ? 80 : 443;
    }
  }

  private static final class FixedSelector extends ProxySelector {
    private final Proxy proxy;

    FixedSelector(Proxy proxy) {
      this.proxy = proxy;
    }

    @Override
    public List<Proxy> select(URI uri) {
      return List.of(proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {}
  }

  /**
   * Answers a proxy's 407 with the user and password from the proxy URL, once; never a server's
   * 401, and never on a route that does not go through that proxy.
   */
  static final class ProxyCredentials implements Authenticator {
    private final Proxy proxy;
    private final String credential;

    ProxyCredentials(Proxy proxy, String user, String password) {
      this.proxy = proxy;
      this.credential = Credentials.basic(user, password, StandardCharsets.UTF_8);
    }

    @Override
    public @Nullable Request authenticate(@Nullable Route route, Response response) {
      if (response.code() != 407 || route == null || !route.proxy().equals(proxy)) {
        return null;
      }
      if (response.request().header("Proxy-Authorization") != null) {
        return null; // The proxy refused these credentials already; asking again would loop.
      }
      return response.request().newBuilder().header("Proxy-Authorization", credential).build();
    }

    @Override
    public String toString() {
      return "ProxyCredentials[" + proxy + "]";
    }
  }
}
