package io.graphupload.transport.retrofit.internal;

import java.time.Duration;
import okhttp3.Authenticator;
import okhttp3.CookieJar;
import okhttp3.OkHttpClient;

/**
 * The two OkHttp clients of a transport, derived from one so that they share its connection pool
 * and dispatcher: one for Graph calls, and one for upload URLs that has no authenticator and no
 * interceptor that could add an {@code Authorization} header.
 *
 * <p>Neither follows redirects (a redirect could carry a token or file content elsewhere) nor keeps
 * cookies.
 *
 * @param graph for Graph calls, which carry a bearer token
 * @param upload for upload URLs, which must never carry one
 * @param owned whether the transport made the clients and so shuts them down on close
 */
public record HttpClients(OkHttpClient graph, OkHttpClient upload, boolean owned) {

  /**
   * Timeouts per I/O operation, so that a slow link that makes progress never times out, while a
   * dead one fails within the read or write timeout.
   *
   * @param connect to open a connection (TCP and TLS)
   * @param read the longest wait for any bytes of an answer
   * @param write the longest wait for any bytes of a request to leave
   * @param call a limit on the whole call; zero for none, as a range's length varies with the link
   */
  public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {
    public static final Timeouts DEFAULT =
        new Timeouts(
            Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ZERO);

    public Timeouts {
      for (Duration timeout : new Duration[] {connect, read, write, call}) {
        if (timeout.isNegative()) {
          throw new IllegalArgumentException("A timeout must not be negative, got " + timeout);
        }
      }
    }
  }

  /** Returns clients the transport owns, with {@code timeouts} and {@code proxy}. */
  public static HttpClients create(Timeouts timeouts, ProxyConfiguration proxy) {
    OkHttpClient.Builder base =
        new OkHttpClient.Builder()
            .connectTimeout(timeouts.connect())
            .readTimeout(timeouts.read())
            .writeTimeout(timeouts.write())
            .callTimeout(timeouts.call())
            .proxySelector(proxy.selector())
            .proxyAuthenticator(proxy.authenticator());
    return derive(base, true);
  }

  /**
   * Returns clients that share {@code client}'s pool, dispatcher, timeouts, proxy and TLS settings.
   * Its interceptors and authenticator apply to Graph calls only, never to upload URLs.
   */
  public static HttpClients sharing(OkHttpClient client) {
    return derive(client.newBuilder(), false);
  }

  private static HttpClients derive(OkHttpClient.Builder base, boolean owned) {
    OkHttpClient shared =
        base.followRedirects(false)
            .followSslRedirects(false)
            .cookieJar(CookieJar.NO_COOKIES)
            .build();
    OkHttpClient graph = shared.newBuilder().addInterceptor(new RequestLog()).build();

    OkHttpClient.Builder upload = shared.newBuilder();
    upload.interceptors().clear();
    upload.networkInterceptors().clear();
    upload.authenticator(Authenticator.NONE).addInterceptor(new RequestLog());
    return new HttpClients(graph, upload.build(), owned);
  }

  /** Releases the connections and threads, if the transport owns them. */
  public void close() {
    if (owned) {
      graph.dispatcher().executorService().shutdown();
      graph.connectionPool().evictAll();
    }
  }
}
